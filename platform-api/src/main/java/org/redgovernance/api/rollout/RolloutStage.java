package org.redgovernance.api.rollout;

import java.util.Optional;

/** Where a community is in a project, in order (the schema's RolloutStage). */
enum RolloutStage {
  PLANNED,
  ONBOARDED,
  PILOTING,
  ROUTINE,
  EVALUATED;

  /** The stage after this one; none after the last. */
  Optional<RolloutStage> next() {
    return ordinal() + 1 < values().length
        ? Optional.of(values()[ordinal() + 1])
        : Optional.empty();
  }
}
