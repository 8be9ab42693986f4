package org.redgovernance.api.matters;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The GraphQL {@code Matter}: one matter with what a board shows of it (reporter, assignee, latest
 * timeline entry, support), read in the same statement as the matter itself.
 */
public record Matter(
    UUID communityId,
    UUID id,
    String title,
    String description,
    MatterCategory category,
    @Nullable MatterSubcategory subcategory,
    MatterSource source,
    MatterStatus status,
    boolean isPublic,
    @Nullable Person reporter,
    String raisedById,
    @Nullable String raisedByName,
    Location location,
    @Nullable Assignee assignee,
    @Nullable LocalDate dueOn,
    @Nullable String resolution,
    @Nullable Integer rating,
    @Nullable String ratingComment,
    OffsetDateTime reportedAt,
    @Nullable OffsetDateTime resolvedAt,
    @Nullable OffsetDateTime verifiedAt,
    @Nullable OffsetDateTime closedAt,
    @Nullable TimelineEntry latestEntry,
    int supportCount,
    boolean supportedByMe,
    boolean mine,
    int version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public static final String TYPE = "Matter";
  static final String SUBCATEGORY_TYPE = "MatterSubcategory";

  /** A resident as the roster's card shows them: a name and a household address. */
  record Person(
      String residentId, String name, @Nullable String address, @Nullable String userId) {}

  /** Who handles the matter: a body, a resident or a party member. */
  record Assignee(AssigneeKind kind, String id, String name) {
    /** The assignee's global ID, under the name that says whose it is. */
    public String assigneeId() {
      return id;
    }
  }

  enum AssigneeKind {
    BODY,
    RESIDENT,
    PARTY_MEMBER
  }

  record MatterSubcategory(String id, MatterCategory category, String name) {}

  /** Where: a building, a household, and/or words ("the underground garage, north side"). */
  record Location(
      @Nullable String buildingId,
      @Nullable String building,
      @Nullable String householdId,
      @Nullable String household,
      @Nullable String description) {}

  /** One step of the timeline. */
  record TimelineEntry(
      UUID id,
      OffsetDateTime at,
      String actorId,
      @Nullable String actorName,
      @Nullable MatterStatus from,
      MatterStatus to,
      @Nullable String note) {

    /** The entry with the actor's name hidden if the actor is {@code userId}. */
    TimelineEntry hidingActor(String userId) {
      return actorId.equals(userId)
          ? new TimelineEntry(id, at, actorId, null, from, to, note)
          : this;
    }
  }

  boolean overdue(LocalDate today) {
    return dueOn != null
        && dueOn.isBefore(today)
        && (status == MatterStatus.IN_PROGRESS || status == MatterStatus.REOPENED);
  }

  /**
   * The matter as a caller who is neither staff nor its reporter may see it: what it is about and
   * how it went, not who raised it or from which home.
   */
  Matter withoutReporter() {
    return new Matter(
        communityId,
        id,
        title,
        description,
        category,
        subcategory,
        source,
        status,
        isPublic,
        null,
        raisedById,
        null,
        new Location(
            location.buildingId(), location.building(), null, null, location.description()),
        assignee,
        dueOn,
        resolution,
        rating,
        null,
        reportedAt,
        resolvedAt,
        verifiedAt,
        closedAt,
        latestEntry == null ? null : latestEntry.hidingActor(raisedById),
        supportCount,
        supportedByMe,
        mine,
        version,
        createdAt,
        updatedAt);
  }
}
