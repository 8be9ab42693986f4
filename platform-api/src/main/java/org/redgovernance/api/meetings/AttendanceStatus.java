package org.redgovernance.api.meetings;

public enum AttendanceStatus {
  PRESENT,
  ABSENT,
  /** Absent with leave (请假). */
  EXCUSED
}
