package org.redgovernance.api.meetings;

/** PLANNED → IN_PROGRESS → HELD, or PLANNED → CANCELLED. */
public enum MeetingStatus {
  PLANNED,
  IN_PROGRESS,
  HELD,
  CANCELLED
}
