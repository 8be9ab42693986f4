package org.redgovernance.api.metrics;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.readmodel.Answers;
import org.redgovernance.api.readmodel.Compiled;
import org.redgovernance.api.readmodel.ReadModel;
import org.redgovernance.api.readmodel.ReadPlans;
import org.redgovernance.api.tenancy.AccessScope;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code streetComparison}: a street's communities on the metrics asked (all of the catalogue when
 * none are), in the catalogue's order, compiled into one statement ({@link
 * StreetComparisonModels}).
 */
@Controller
class StreetComparisonController {

  private final ReadModel readModel;
  private final ReadPlans plans;
  private final Answers answers;

  StreetComparisonController(ReadModel readModel, ReadPlans plans, Answers answers) {
    this.readModel = readModel;
    this.plans = plans;
    this.answers = answers;
  }

  @QueryMapping
  Object streetComparison(
      @Argument String streetKey,
      @Argument @Nullable List<String> metrics,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    Compiled compiled =
        plans
            .compiled(
                environment,
                request ->
                    readModel.list(
                        StreetComparisonModels.METRICS_OF_STREETS,
                        row ->
                            StreetComparisonModels.column(row, "street_key", String.class)
                                .eq(streetKey)
                                .and(
                                    metrics == null || metrics.isEmpty()
                                        ? DSL.noCondition()
                                        : StreetComparisonModels.column(
                                                row, "metric_key", String.class)
                                            .in(metrics)),
                        row ->
                            List.of(StreetComparisonModels.column(row, "position", Integer.class)),
                        environment.getSelectionSet().getImmediateFields(),
                        request,
                        null))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "streetComparison cannot be compiled for this selection"));
    return compiled.answer(answers.one(compiled, scope), environment);
  }
}
