package org.redgovernance.api.rollout;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the rollout's rules read of its rows before they change them. */
final class RolloutState {

  private RolloutState() {}

  /** A project as it stands. */
  record Project(RolloutPlan plan, int version, List<UUID> communities) {}

  /** A community's part in a project as it stands, with the project's indicators' metrics. */
  record Participant(
      UUID streetId,
      UUID projectId,
      LocalDate projectStartsOn,
      RolloutStage stage,
      LocalDate stageOn,
      int version,
      List<String> indicators) {}

  /** A follow-up action as it stands. */
  record Action(@Nullable LocalDate doneOn, int version) {}
}
