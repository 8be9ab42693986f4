package org.redgovernance.api.rollout;

import java.util.UUID;

/** A file that shows a community reached a stage, as the upload made it. */
record EvidenceFile(
    UUID communityId,
    UUID id,
    UUID participantId,
    String fileName,
    String contentType,
    int size,
    String sha256,
    String storageKey) {

  /** How many files one community's part in a project holds at most. */
  static final int MAX_PER_PARTICIPANT = 100;
}
