package org.redgovernance.api.notifications;

/** How often a person gets a digest of the notifications they have not seen yet. */
enum DigestFrequency {
  /** Never: the default. */
  NONE,
  /** Each morning, of the day before (Asia/Shanghai). */
  DAILY,
  /** Each Monday morning, of the week before (Monday to Sunday, Asia/Shanghai). */
  WEEKLY
}
