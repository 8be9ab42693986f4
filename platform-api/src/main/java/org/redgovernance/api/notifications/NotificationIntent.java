package org.redgovernance.api.notifications;

/**
 * What a change tells whom: {@code kind} (a name of the schema's {@code NotificationKind}, e.g.
 * {@code MATTER_ACCEPTED}) to the {@code audience} of the changed object of type {@code
 * subjectType}, as the feature's {@link NotificationSubject} of that type resolves it.
 */
public record NotificationIntent(
    NotificationCategory category, String kind, String subjectType, String audience) {

  public NotificationIntent {
    if (!kind.matches("[A-Z][A-Z_]{0,59}")) {
      throw new IllegalArgumentException("Not a notification kind: " + kind);
    }
    if (!subjectType.matches("[A-Z][A-Za-z]{0,39}")) {
      throw new IllegalArgumentException("Not a type name: " + subjectType);
    }
    if (!audience.matches("[A-Z][A-Z_]{0,39}")) {
      throw new IllegalArgumentException("Not an audience: " + audience);
    }
  }
}
