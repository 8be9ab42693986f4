package org.redgovernance.api.notifications;

/** GraphQL type names of notifications, as encoded in global IDs. */
final class NotificationTypes {
  static final String NOTIFICATION = "Notification";

  private NotificationTypes() {}
}
