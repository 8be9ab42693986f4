package org.redgovernance.api.matters;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The GraphQL {@code MatterComment}: a remark on a matter by a resident or by staff. */
record MatterComment(
    UUID communityId,
    UUID id,
    UUID matterId,
    String authorId,
    String authorName,
    boolean staff,
    String body,
    OffsetDateTime createdAt) {

  static final String TYPE = "MatterComment";

  /**
   * The comment as a caller who is not staff sees a neighbour's: the surname only, so that
   * residents talk openly without exposing each other.
   */
  MatterComment shownTo(MatterVisibility visibility) {
    if (visibility.seesAll() || staff || authorId.equals(visibility.userId())) {
      return this;
    }
    String masked = authorName.isEmpty() ? "居民" : authorName.substring(0, 1) + "**";
    return new MatterComment(communityId, id, matterId, authorId, masked, false, body, createdAt);
  }
}
