package org.redgovernance.api.rollout;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Inputs of the rollout mutations; their payloads are {@code Commands}'. */
final class RolloutMutations {

  private RolloutMutations() {}

  record RolloutIndicatorInput(@Nullable String metricKey, @Nullable Double target) {}

  record CreateRolloutProjectInput(
      @Nullable String streetKey,
      @Nullable String name,
      @Nullable String goal,
      @Nullable String ownerName,
      @Nullable LocalDate startsOn,
      @Nullable LocalDate targetOn,
      @Nullable List<RolloutIndicatorInput> indicators,
      @Nullable List<String> communityKeys) {}

  record UpdateRolloutProjectInput(
      @Nullable String id,
      @Nullable Integer expectedVersion,
      @Nullable String name,
      @Nullable String goal,
      @Nullable String ownerName,
      @Nullable LocalDate startsOn,
      @Nullable LocalDate targetOn,
      @Nullable List<RolloutIndicatorInput> indicators) {}

  record AddRolloutCommunitiesInput(@Nullable String id, @Nullable List<String> communityKeys) {}

  record MoveRolloutStageInput(
      @Nullable String id,
      @Nullable RolloutStage stage,
      @Nullable LocalDate changedOn,
      @Nullable String note,
      @Nullable List<String> evidence,
      @Nullable Integer expectedVersion) {}

  record SetRolloutTargetInput(
      @Nullable String id, @Nullable String metricKey, @Nullable Double target) {}

  record RolloutActionInput(
      @Nullable String description, @Nullable String ownerName, @Nullable LocalDate dueOn) {}

  record RecordRolloutReviewInput(
      @Nullable String id,
      @Nullable String quarter,
      @Nullable LocalDate reviewedOn,
      @Nullable RolloutRating rating,
      @Nullable String findings,
      @Nullable List<RolloutActionInput> actions) {}

  record CompleteRolloutActionInput(
      @Nullable String id,
      @Nullable LocalDate doneOn,
      @Nullable String note,
      @Nullable Integer expectedVersion) {}
}
