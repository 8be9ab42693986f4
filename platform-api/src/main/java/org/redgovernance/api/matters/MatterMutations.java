package org.redgovernance.api.matters;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Inputs of the matter mutations; their payloads are {@code Commands}'. */
final class MatterMutations {

  private MatterMutations() {}

  record ReportMatterInput(
      @Nullable String communityKey,
      @Nullable String title,
      @Nullable String description,
      @Nullable MatterCategory category,
      @Nullable String subcategoryId,
      @Nullable MatterSource source,
      @Nullable String reporterId,
      @Nullable String buildingId,
      @Nullable String householdId,
      @Nullable String locationText,
      @Nullable Boolean isPublic) {}

  /** Accept, schedule, verify: a step that takes an optional note. */
  record MatterStepInput(
      @Nullable String id,
      @Nullable Integer expectedVersion,
      @Nullable String note,
      @Nullable Boolean isPublic) {}

  /** Reject, reopen: a step that needs a reason. */
  record MatterReasonInput(
      @Nullable String id, @Nullable Integer expectedVersion, @Nullable String reason) {}

  record AssignMatterInput(
      @Nullable String id,
      @Nullable Integer expectedVersion,
      @Nullable String assigneeId,
      @Nullable LocalDate dueOn,
      @Nullable String note) {}

  record ResolveMatterInput(
      @Nullable String id, @Nullable Integer expectedVersion, @Nullable String resolution) {}

  record RateMatterInput(
      @Nullable String id,
      @Nullable Integer expectedVersion,
      @Nullable Integer rating,
      @Nullable String comment) {}

  record MatterIdInput(@Nullable String id) {}

  record CommentOnMatterInput(@Nullable String id, @Nullable String body) {}

  record AddMatterSubcategoryInput(
      @Nullable String communityKey, @Nullable MatterCategory category, @Nullable String name) {}
}
