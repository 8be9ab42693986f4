package org.redgovernance.api.surveys;

import graphql.schema.DataFetchingEnvironment;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.security.CommunityRole;
import org.redgovernance.api.surveys.SurveyMutations.AnswerSurveyInput;
import org.redgovernance.api.surveys.SurveyMutations.CloseSurveyInput;
import org.redgovernance.api.surveys.SurveyMutations.CreateSurveyInput;
import org.redgovernance.api.surveys.SurveyMutations.LaunchStreetSurveyInput;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.MutationTargets.Denial;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.ReachableStreet;
import org.redgovernance.database.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Setting up, answering and closing surveys, as commands ({@link Commands}). A community's survey
 * is its admin's or secretary's; a street-wide one the street admin's, made in every community of
 * the street at once. Answering is a resident's, once; nothing of it names them beside what they
 * answered, so it is not audited (the audit log would link the two).
 */
@Controller
class SurveyMutationController {

  private static final MutationTargets.Rule ANY_ROLE =
      new MutationTargets.Rule(community -> true, "");
  private static final MutationTargets.StreetRule STREET_ADMIN =
      new MutationTargets.StreetRule(
          ReachableStreet::administered,
          "Only the street's admin or a platform operator launch street-wide surveys");
  private static final Refusal NO_SUCH_SURVEY =
      Refusal.because(UserError.Code.NOT_FOUND, "No such survey", "id");

  private final SurveyRepository surveys;
  private final Commands commands;

  SurveyMutationController(SurveyRepository surveys, Commands commands) {
    this.surveys = surveys;
    this.commands = commands;
  }

  @MutationMapping
  Map<String, Object> createSurvey(
      @Argument CreateSurveyInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        MutationTargets.community(
            input.communityKey(),
            scope,
            new MutationTargets.Rule(
                community -> community.holdsAny(CommunityRole.ADMIN, CommunityRole.SECRETARY),
                "Only the community's admin or secretary set up its surveys")),
        "survey",
        command -> {
          SurveyDraft draft =
              SurveyDraft.of(
                  input.title(),
                  input.description(),
                  input.opensAt(),
                  input.closesAt(),
                  input.questions(),
                  OffsetDateTime.now());
          return made(command, draft, null);
        });
  }

  @MutationMapping
  Map<String, Object> launchStreetSurvey(
      @Argument LaunchStreetSurveyInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    MutationTargets.StreetTarget target =
        MutationTargets.street(input.streetKey(), "streetKey", scope, STREET_ADMIN);
    Denial refusal = target.refusal();
    List<ReachableCommunity> writable =
        refusal != null
            ? List.of()
            : target.target().communities().stream()
                .filter(community -> community.status().acceptsWrites())
                .sorted(Comparator.comparing(ReachableCommunity::key))
                .toList();
    if (refusal == null && writable.isEmpty()) {
      refusal =
          new Denial(Denial.Reason.READ_ONLY, "No community of the street takes changes", null);
    }
    if (refusal != null) {
      return commands.runInEach(environment, scope, List.of(), refusal, "surveys", step -> null);
    }
    SurveyDraft draft;
    try {
      draft =
          SurveyDraft.of(
              input.title(),
              input.description(),
              input.opensAt(),
              input.closesAt(),
              input.questions(),
              OffsetDateTime.now());
    } catch (Refusal refused) {
      return Commands.failedEach("surveys", refused.error());
    }
    UUID streetSurvey = Ids.newId();
    return commands.runInEach(
        environment,
        scope,
        writable,
        null,
        "surveys",
        command -> made(command, draft, streetSurvey));
  }

  /** The survey {@code draft} made in the command's community, with its questions. */
  private static Changed made(
      Commands.Step command, SurveyDraft draft, @Nullable UUID streetSurvey) {
    UUID id = Ids.newId();
    command
        .write(
            SurveyRepository.insert(
                command.community().id(),
                id,
                streetSurvey,
                draft,
                command.scope().caller().userId(),
                command.scope().caller().displayName()))
        .alongside(survey -> SurveyRepository.questions(survey, draft.questions()))
        .audited(
            streetSurvey == null ? "survey.created" : "survey.launched",
            SurveyTypes.SURVEY,
            Map.of("title", draft.title(), "questions", draft.questions().size()))
        .execute();
    return new Changed(SurveyTypes.SURVEY, command.community().id(), id);
  }

  @MutationMapping
  Map<String, Object> answerSurvey(
      @Argument AnswerSurveyInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return onSurvey(
        environment,
        scope,
        input.id(),
        (command, survey) -> {
          ReachableCommunity community = command.community();
          UUID resident =
              surveys
                  .livingResidentOf(
                      command.dsl(), community.id(), command.scope().caller().userId())
                  .orElseThrow(
                      () ->
                          Refusal.because(
                              UserError.Code.FORBIDDEN,
                              "Only a resident who lives in the community, with a linked login,"
                                  + " answers its surveys"));
          requireOpen(survey);
          SurveyBallot ballot = SurveyBallot.of(survey.questions(), input.answers());
          command
              .write(SurveyRepository.participate(community.id(), survey.id(), resident))
              .alongside(
                  participation -> SurveyRepository.answers(participation, survey.id(), ballot))
              .executeOr(
                  Refusal.because(
                      UserError.Code.CONFLICT, "You have already answered this survey", "id"));
          return new Changed(SurveyTypes.SURVEY, community.id(), survey.id());
        });
  }

  @MutationMapping
  Map<String, Object> closeSurvey(
      @Argument CloseSurveyInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return onSurvey(
        environment,
        scope,
        input.id(),
        (command, survey) -> {
          ReachableCommunity community = command.community();
          boolean streets = survey.streetSurveyId() != null;
          boolean allowed =
              streets
                  ? community.streetAdmin()
                  : community.holdsAny(CommunityRole.ADMIN, CommunityRole.SECRETARY);
          if (!allowed) {
            throw Refusal.because(
                UserError.Code.FORBIDDEN,
                streets
                    ? "A street-wide survey is closed by the street's admin"
                    : "Only the community's admin or secretary close its surveys");
          }
          requireOpen(survey);
          int expected =
              input.expectedVersion() == null ? survey.version() : input.expectedVersion();
          command
              .write(SurveyRepository.close(community.id(), survey.id(), expected))
              .audited("survey.closed", SurveyTypes.SURVEY, Map.of())
              .executeOr(
                  Refusal.because(
                      UserError.Code.CONFLICT,
                      "The survey was changed by someone else; reload it and try again",
                      "expectedVersion"));
          return new Changed(SurveyTypes.SURVEY, community.id(), survey.id());
        });
  }

  /** A command's part on the survey it names, found in the command's transaction. */
  @FunctionalInterface
  private interface OnSurvey {
    Changed apply(Commands.Step command, SurveyState survey);
  }

  /**
   * Runs {@code body} on the survey of global ID {@code id}: NOT_FOUND when the caller reaches no
   * such survey, whatever their role (the body says who may do what).
   */
  private Map<String, Object> onSurvey(
      DataFetchingEnvironment environment, AccessScope scope, @Nullable String id, OnSurvey body) {
    return commands.run(
        environment,
        scope,
        MutationTargets.object(id, SurveyTypes.SURVEY, "id", scope, ANY_ROLE),
        "survey",
        command ->
            body.apply(
                command,
                surveys
                    .find(command.dsl(), command.community().id(), command.targetId())
                    .orElseThrow(() -> NO_SUCH_SURVEY)));
  }

  private static void requireOpen(SurveyState survey) {
    if (survey.status() == SurveyStatus.SCHEDULED) {
      throw Refusal.because(UserError.Code.CONFLICT, "The survey is not open yet", "id");
    }
    if (survey.status() == SurveyStatus.CLOSED) {
      throw Refusal.because(UserError.Code.CONFLICT, "The survey is closed", "id");
    }
  }
}
