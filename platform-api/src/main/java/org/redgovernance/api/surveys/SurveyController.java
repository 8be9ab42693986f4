package org.redgovernance.api.surveys;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.readmodel.Answers;
import org.redgovernance.api.readmodel.Compiled;
import org.redgovernance.api.readmodel.ReadModel;
import org.redgovernance.api.readmodel.ReadPlans;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableStreet;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code surveys}: the surveys of the caller's communities, the latest to open first, compiled by
 * the read model ({@link SurveyModels}) with everything selected below them into one statement.
 */
@Controller
class SurveyController {

  record SurveyFilter(@Nullable String communityKey, @Nullable List<SurveyStatus> statuses) {}

  private final ReadModel readModel;
  private final ReadPlans plans;
  private final Answers answers;

  SurveyController(ReadModel readModel, ReadPlans plans, Answers answers) {
    this.readModel = readModel;
    this.plans = plans;
    this.answers = answers;
  }

  @QueryMapping
  Object surveys(
      @Argument @Nullable SurveyFilter filter,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    SurveyFilter given = filter == null ? new SurveyFilter(null, null) : filter;
    Compiled compiled =
        plans
            .compiled(
                environment,
                request ->
                    readModel.page(
                        SurveyModels.SURVEYS,
                        SurveyModels.matching(scope, given.communityKey(), given.statuses()),
                        SurveyModels.LATEST_FIRST,
                        environment.getArguments(),
                        environment.getSelectionSet().getImmediateFields(),
                        request,
                        scope.communities().size() == 1 ? scope.communities().get(0).id() : null))
            .orElseThrow(
                () -> new IllegalStateException("surveys cannot be compiled for this selection"));
    return compiled.answer(answers.one(compiled, scope), environment);
  }

  @QueryMapping
  @Nullable Object streetSurveyResults(
      @Argument String streetKey,
      @Argument String streetSurveyId,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    Optional<ReachableStreet> street = scope.street(streetKey).filter(ReachableStreet::overseen);
    Optional<UUID> id = uuid(streetSurveyId);
    if (street.isEmpty() || id.isEmpty()) {
      return null;
    }
    // read as the street: the copies of every community of it are summed
    AccessScope those = scope.narrowedTo(street.get().communities());
    Compiled compiled =
        plans
            .compiled(
                environment,
                request ->
                    readModel.one(
                        StreetSurveyModels.STREET_RESULTS,
                        StreetSurveyModels.copyOf(id.get(), those),
                        environment.getSelectionSet().getImmediateFields(),
                        request,
                        null))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "streetSurveyResults cannot be compiled for this selection"));
    return answers
        .optional(compiled, those)
        .map(json -> compiled.answer(json, "StreetSurveyResults", environment))
        .orElse(null);
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException notOne) {
      return Optional.empty();
    }
  }
}
