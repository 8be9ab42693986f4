package org.redgovernance.api.notices;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The GraphQL {@code Notice}. */
record Notice(
    UUID communityId,
    UUID id,
    String title,
    String body,
    NoticeAudience audience,
    NoticeStatus status,
    String authorName,
    OffsetDateTime publishedAt,
    @Nullable OffsetDateTime withdrawnAt,
    @Nullable String withdrawnReason,
    int version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  static final String TYPE = "Notice";
}
