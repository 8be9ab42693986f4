package org.redgovernance.api.matters;

/** Where a matter stands. REJECTED and CLOSED are final. */
public enum MatterStatus {
  REPORTED,
  ACCEPTED,
  REJECTED,
  SCHEDULED,
  IN_PROGRESS,
  RESOLVED,
  REOPENED,
  VERIFIED,
  CLOSED;

  boolean isFinal() {
    return this == REJECTED || this == CLOSED;
  }
}
