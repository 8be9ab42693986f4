package org.redgovernance.api.rollout;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.commands.Write;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.rollout.RolloutMutations.CompleteRolloutActionInput;
import org.redgovernance.api.rollout.RolloutMutations.MoveRolloutStageInput;
import org.redgovernance.api.rollout.RolloutMutations.RecordRolloutReviewInput;
import org.redgovernance.api.rollout.RolloutMutations.SetRolloutTargetInput;
import org.redgovernance.api.security.CommunityRole;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.Ids;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * A community's progress in a project — its stage, its own targets, its quarterly reviews and their
 * follow-up actions — as commands on the community's rows ({@link Commands#run}): the street
 * admin's or the platform operator's, but for an action's completion, which the community's admin
 * or secretary report too. Each is audited in the community's log.
 */
@Controller
class RolloutProgressMutationController {

  /** The street's admin or a platform operator: who record a community's rollout. */
  static final MutationTargets.Rule STREET_ADMIN =
      new MutationTargets.Rule(
          ReachableCommunity::streetAdmin,
          "Only the street's admin or a platform operator record a community's rollout");

  private static final MutationTargets.Rule STREET_ADMIN_OR_COMMUNITY_ADMIN =
      new MutationTargets.Rule(
          community ->
              STREET_ADMIN.allows().test(community)
                  || community.holdsAny(CommunityRole.ADMIN, CommunityRole.SECRETARY),
          "Only the community's admin or secretary, or the street's admin, complete its actions");
  private static final Refusal NO_SUCH_PARTICIPANT =
      Refusal.because(UserError.Code.NOT_FOUND, "No such participant", "id");
  private static final int MAX_NOTE = 2000;
  private static final int MAX_EVIDENCE = 20;

  private final RolloutRepository rollout;
  private final Commands commands;

  RolloutProgressMutationController(RolloutRepository rollout, Commands commands) {
    this.rollout = rollout;
    this.commands = commands;
  }

  @MutationMapping
  Map<String, Object> moveRolloutStage(
      @Argument MoveRolloutStageInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return onParticipant(
        environment,
        scope,
        input.id(),
        (command, participant) -> {
          LocalDate today = LocalDate.now(ReadRequest.ZONE);
          RolloutStage stage = input.stage();
          if (stage == null) {
            throw RolloutPlan.invalid("stage is required", "stage");
          }
          String note = note(input.note());
          boolean forward = participant.stage().next().map(stage::equals).orElse(false);
          boolean back = stage.compareTo(participant.stage()) < 0;
          if (!forward && !back) {
            throw Refusal.because(
                UserError.Code.ILLEGAL_TRANSITION,
                "A community moves on to the next stage only, or back to an earlier one",
                "stage");
          }
          if (back && note.isEmpty()) {
            throw RolloutPlan.invalid("Say in a note why the community moves back", "note");
          }
          LocalDate on = input.changedOn() == null ? today : input.changedOn();
          if (on.isBefore(participant.stageOn()) || on.isAfter(today)) {
            throw RolloutPlan.invalid(
                "changedOn must be on or after the day of the stage before, and not after today",
                "changedOn");
          }
          ReachableCommunity community = command.community();
          List<UUID> evidence = evidence(input.evidence(), community);
          UUID change = Ids.newId();
          command
              .write(
                  RolloutRepository.moveStage(
                      community.id(),
                      command.targetId(),
                      stage,
                      on,
                      expected(input.expectedVersion(), participant.version())))
              .alongside(
                  row ->
                      RolloutRepository.stageChange(
                          row,
                          change,
                          stage,
                          on,
                          note,
                          command.scope().caller().userId(),
                          command.scope().caller().displayName()))
              .audited(
                  "rollout.stage.moved",
                  RolloutTypes.PARTICIPANT,
                  Map.of(
                      "from", participant.stage().name(), "to", stage.name(), "on", on.toString()))
              .executeOr(stale("participant"));
          if (RolloutRepository.file(
                  command.dsl(), community.id(), command.targetId(), change, evidence)
              != evidence.size()) {
            throw RolloutPlan.invalid(
                "Each file of evidence is one uploaded to this community's part and not yet filed",
                "evidence");
          }
          return new Changed(RolloutTypes.PARTICIPANT, community.id(), command.targetId());
        });
  }

  /** The evidence IDs given: each a file of the command's community, at most 20, each once. */
  private static List<UUID> evidence(@Nullable List<String> ids, ReachableCommunity community) {
    if (ids == null) {
      return List.of();
    }
    if (ids.size() > MAX_EVIDENCE) {
      throw RolloutPlan.invalid(
          "A stage change files at most " + MAX_EVIDENCE + " files of evidence", "evidence");
    }
    List<UUID> files = new java.util.ArrayList<>();
    for (String id : ids) {
      UUID file =
          GlobalId.decode(id, RolloutTypes.EVIDENCE)
              .filter(known -> known.communityId().equals(community.id()))
              .map(GlobalId::id)
              .orElseThrow(
                  () ->
                      RolloutPlan.invalid(
                          "Each file of evidence is one uploaded to this community's part",
                          "evidence"));
      if (files.contains(file)) {
        throw RolloutPlan.invalid("A file of evidence is named twice", "evidence");
      }
      files.add(file);
    }
    return List.copyOf(files);
  }

  @MutationMapping
  Map<String, Object> setRolloutTarget(
      @Argument SetRolloutTargetInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return onParticipant(
        environment,
        scope,
        input.id(),
        (command, participant) -> {
          String metric = input.metricKey() == null ? "" : input.metricKey();
          if (!participant.indicators().contains(metric)) {
            throw RolloutPlan.invalid(
                "The project has no indicator of the metric " + metric, "metricKey");
          }
          Double target =
              input.target() == null ? null : RolloutPlan.target(input.target(), "target");
          ReachableCommunity community = command.community();
          Write write = command.write(RolloutRepository.touch(community.id(), command.targetId()));
          if (target == null) {
            write.alongside(row -> RolloutRepository.clearTarget(row, metric));
          } else {
            write.alongside(row -> RolloutRepository.setTarget(row, metric, target));
          }
          java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
          details.put("metric", metric);
          details.put("target", target);
          write
              .audited("rollout.target.set", RolloutTypes.PARTICIPANT, details)
              .executeOr(NO_SUCH_PARTICIPANT);
          return new Changed(RolloutTypes.PARTICIPANT, community.id(), command.targetId());
        });
  }

  @MutationMapping
  Map<String, Object> recordRolloutReview(
      @Argument RecordRolloutReviewInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        MutationTargets.object(input.id(), RolloutTypes.PARTICIPANT, "id", scope, STREET_ADMIN),
        "review",
        command -> {
          RolloutState.Participant participant =
              rollout
                  .participant(command.dsl(), command.community().id(), command.targetId())
                  .orElseThrow(() -> NO_SUCH_PARTICIPANT);
          RolloutReviewDraft review =
              RolloutReviewDraft.of(
                  input.quarter(),
                  input.reviewedOn(),
                  input.rating(),
                  input.findings(),
                  input.actions(),
                  participant.projectStartsOn(),
                  LocalDate.now(ReadRequest.ZONE));
          UUID community = command.community().id();
          UUID id = Ids.newId();
          Write write =
              command
                  .write(
                      RolloutRepository.insertReview(
                          community,
                          id,
                          command.targetId(),
                          review,
                          command.scope().caller().userId(),
                          command.scope().caller().displayName()))
                  .alongside(
                      row ->
                          RolloutRepository.frozenValues(
                              row, community, command.targetId(), review.reviewedOn()));
          if (!review.actions().isEmpty()) {
            write.alongside(row -> RolloutRepository.actions(row, review.actions()));
          }
          write
              .onViolation(
                  Refusal.because(
                      UserError.Code.DUPLICATE,
                      "The community's " + review.quarter() + " is reviewed already",
                      "quarter"))
              .audited(
                  "rollout.reviewed",
                  RolloutTypes.REVIEW,
                  Map.of(
                      "quarter", review.quarter(),
                      "rating", review.rating().name(),
                      "actions", review.actions().size()))
              .execute();
          return new Changed(RolloutTypes.REVIEW, community, id);
        });
  }

  @MutationMapping
  Map<String, Object> completeRolloutAction(
      @Argument CompleteRolloutActionInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    return commands.run(
        environment,
        scope,
        MutationTargets.object(
            input.id(), RolloutTypes.ACTION, "id", scope, STREET_ADMIN_OR_COMMUNITY_ADMIN),
        "action",
        command -> {
          RolloutState.Action action =
              rollout
                  .action(command.dsl(), command.community().id(), command.targetId())
                  .orElseThrow(
                      () -> Refusal.because(UserError.Code.NOT_FOUND, "No such action", "id"));
          if (action.doneOn() != null) {
            throw Refusal.because(UserError.Code.CONFLICT, "The action is done already", "id");
          }
          LocalDate today = LocalDate.now(ReadRequest.ZONE);
          LocalDate on = input.doneOn() == null ? today : input.doneOn();
          if (on.isAfter(today)) {
            throw RolloutPlan.invalid("doneOn must not be after today", "doneOn");
          }
          String note = note(input.note());
          command
              .write(
                  RolloutRepository.complete(
                      command.community().id(),
                      command.targetId(),
                      on,
                      note,
                      expected(input.expectedVersion(), action.version())))
              .audited("rollout.action.completed", RolloutTypes.ACTION, Map.of("on", on.toString()))
              .executeOr(stale("action"));
          return new Changed(RolloutTypes.ACTION, command.community().id(), command.targetId());
        });
  }

  /** A command's part on the participant it names, found in the command's transaction. */
  @FunctionalInterface
  private interface OnParticipant {
    Changed apply(Commands.Step command, RolloutState.Participant participant);
  }

  /**
   * Runs {@code body} on the participant of global ID {@code id}: NOT_FOUND when the caller reaches
   * no such participant, FORBIDDEN unless they are the street's admin or a platform operator.
   */
  private Map<String, Object> onParticipant(
      DataFetchingEnvironment environment,
      AccessScope scope,
      @Nullable String id,
      OnParticipant body) {
    return commands.run(
        environment,
        scope,
        MutationTargets.object(id, RolloutTypes.PARTICIPANT, "id", scope, STREET_ADMIN),
        "participant",
        command ->
            body.apply(
                command,
                rollout
                    .participant(command.dsl(), command.community().id(), command.targetId())
                    .orElseThrow(() -> NO_SUCH_PARTICIPANT)));
  }

  private static String note(@Nullable String note) {
    String clean = note == null ? "" : note.strip();
    if (clean.length() > MAX_NOTE) {
      throw RolloutPlan.invalid("A note has at most " + MAX_NOTE + " characters", "note");
    }
    return clean;
  }

  private static int expected(@Nullable Integer given, int current) {
    return given == null ? current : given;
  }

  private static Refusal stale(String what) {
    return Refusal.because(
        UserError.Code.CONFLICT,
        "The " + what + " was changed by someone else; reload it and try again",
        "expectedVersion");
  }
}
