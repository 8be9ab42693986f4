package org.redgovernance.api.meetings;

public enum ActionItemStatus {
  OPEN,
  DONE,
  CANCELLED
}
