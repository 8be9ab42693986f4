package org.redgovernance.api.metrics;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.OrderField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.readmodel.Answers;
import org.redgovernance.api.readmodel.Compiled;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ReadModel;
import org.redgovernance.api.readmodel.ReadPlans;
import org.redgovernance.api.tenancy.AccessScope;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The metrics' root fields, each compiled by the read model into one statement: {@code metrics},
 * the catalogue in its order, and {@code streetComparison}, a street's communities on the metrics
 * asked (all of the catalogue when none are), in the catalogue's order ({@link
 * StreetComparisonModels}).
 */
@Controller
class MetricController {

  private final ReadModel readModel;
  private final ReadPlans plans;
  private final Answers answers;

  MetricController(ReadModel readModel, ReadPlans plans, Answers answers) {
    this.readModel = readModel;
    this.plans = plans;
    this.answers = answers;
  }

  @QueryMapping
  Object metrics(
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return listed(
        MetricModels.METRICS, metric -> DSL.noCondition(), MetricModels::order, scope, environment);
  }

  @QueryMapping
  Object streetComparison(
      @Argument String streetKey,
      @Argument @Nullable List<String> metrics,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return listed(
        StreetComparisonModels.METRICS_OF_STREETS,
        row ->
            StreetComparisonModels.column(row, "street_key", String.class)
                .eq(streetKey)
                .and(
                    metrics == null || metrics.isEmpty()
                        ? DSL.noCondition()
                        : StreetComparisonModels.column(row, "metric_key", String.class)
                            .in(metrics)),
        row -> List.of(StreetComparisonModels.column(row, "position", Integer.class)),
        scope,
        environment);
  }

  /** The rows of {@code ref} that {@code where} finds, in {@code order}, as the field selects. */
  private <T extends Table<?>> Object listed(
      ModelRef<T> ref,
      Function<T, Condition> where,
      Function<T, List<? extends OrderField<?>>> order,
      AccessScope scope,
      DataFetchingEnvironment environment) {
    Compiled compiled =
        plans
            .compiled(
                environment,
                request ->
                    readModel.list(
                        ref,
                        where,
                        order,
                        environment.getSelectionSet().getImmediateFields(),
                        request,
                        null))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        environment.getField().getName()
                            + " cannot be compiled for this selection"));
    return compiled.answer(answers.one(compiled, scope), environment);
  }
}
