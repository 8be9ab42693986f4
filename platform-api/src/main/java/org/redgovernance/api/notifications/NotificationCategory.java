package org.redgovernance.api.notifications;

/**
 * What a notification is about, as a person sorts (and later mutes) them: each kind belongs to one
 * category.
 */
public enum NotificationCategory {
  /** Matters the person raised: accepted, rejected, verified, reopened. */
  MATTERS_I_RAISED,
  /** Matters handed to the person (or to a body they sit on). */
  MATTERS_ASSIGNED_TO_ME,
  /** Resolved matters waiting for the supervisory committee's verification. */
  VERIFICATIONS_WAITING,
  /** Meetings the person is invited to, and their minutes. */
  MEETINGS,
  /** Notices for the person's audience. */
  NOTICES,
  /** Action items of meetings owned by the person. */
  ACTION_ITEMS,
  /** Roles granted to the person. */
  ROLES
}
