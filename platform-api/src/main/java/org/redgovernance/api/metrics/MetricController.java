package org.redgovernance.api.metrics;

import graphql.schema.DataFetchingEnvironment;
import org.jooq.impl.DSL;
import org.redgovernance.api.readmodel.Answers;
import org.redgovernance.api.readmodel.Compiled;
import org.redgovernance.api.readmodel.ReadModel;
import org.redgovernance.api.readmodel.ReadPlans;
import org.redgovernance.api.tenancy.AccessScope;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code metrics}: the catalogue, in its order, compiled by the read model into one statement. */
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
    Compiled compiled =
        plans
            .compiled(
                environment,
                request ->
                    readModel.list(
                        MetricModels.METRICS,
                        metric -> DSL.noCondition(),
                        MetricModels::order,
                        environment.getSelectionSet().getImmediateFields(),
                        request,
                        null))
            .orElseThrow(
                () -> new IllegalStateException("metrics cannot be compiled for this selection"));
    return compiled.answer(answers.one(compiled, scope), environment);
  }
}
