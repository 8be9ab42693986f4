package org.redgovernance.api.matters;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.readmodel.Changed;

/** Inputs and payloads of the matter mutations. */
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

  /** {@code matter} is read back through the read model, as the caller may see it now. */
  record MatterPayload(@Nullable Changed matter, List<UserError> errors) {
    static MatterPayload of(java.util.UUID communityId, java.util.UUID id) {
      return new MatterPayload(new Changed(MatterTypes.MATTER, communityId, id), List.of());
    }

    static MatterPayload failed(UserError error) {
      return new MatterPayload(null, List.of(error));
    }
  }

  record CommentOnMatterPayload(@Nullable Changed comment, List<UserError> errors) {
    static CommentOnMatterPayload failed(UserError error) {
      return new CommentOnMatterPayload(null, List.of(error));
    }
  }

  record AddMatterSubcategoryPayload(@Nullable Changed subcategory, List<UserError> errors) {
    static AddMatterSubcategoryPayload failed(UserError error) {
      return new AddMatterSubcategoryPayload(null, List.of(error));
    }
  }
}
