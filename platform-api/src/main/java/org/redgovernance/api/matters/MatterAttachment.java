package org.redgovernance.api.matters;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The GraphQL {@code MatterAttachment}: a photo or document of a matter, described. */
record MatterAttachment(
    UUID communityId,
    UUID id,
    UUID matterId,
    String fileName,
    String contentType,
    int size,
    String sha256,
    String storageKey,
    String uploadedByName,
    OffsetDateTime uploadedAt) {

  /** At most this many files per matter. */
  static final int MAX_PER_MATTER = 10;
}
