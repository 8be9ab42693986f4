package org.redgovernance.api.rollout;

import graphql.schema.DataFetchingEnvironment;
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
 * {@code rolloutProjects}: the street's projects the caller may see, the latest created first,
 * compiled by the read model ({@link RolloutModels}) with everything selected below them into one
 * statement.
 */
@Controller
class RolloutController {

  record RolloutProjectFilter(@Nullable String streetKey) {}

  private final ReadModel readModel;
  private final ReadPlans plans;
  private final Answers answers;

  RolloutController(ReadModel readModel, ReadPlans plans, Answers answers) {
    this.readModel = readModel;
    this.plans = plans;
    this.answers = answers;
  }

  @QueryMapping
  Object rolloutProjects(
      @Argument @Nullable RolloutProjectFilter filter,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    String street = filter == null ? null : filter.streetKey();
    Compiled compiled =
        plans
            .compiled(
                environment,
                request ->
                    readModel.page(
                        RolloutModels.PROJECTS,
                        RolloutModels.matching(scope, street),
                        RolloutModels.LATEST_FIRST,
                        environment.getArguments(),
                        environment.getSelectionSet().getImmediateFields(),
                        request,
                        null))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "rolloutProjects cannot be compiled for this selection"));
    return compiled.answer(answers.one(compiled, scope), environment);
  }
}
