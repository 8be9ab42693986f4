package org.redgovernance.admin.lifecycle;

import java.util.Set;

/** The status changes tenant-admin makes, each from the statuses it may start from. */
enum CommunityStatusChange {
  SUSPEND(Set.of("ACTIVE"), "SUSPENDED", "community.suspended"),
  REACTIVATE(Set.of("SUSPENDED"), "ACTIVE", "community.reactivated"),
  ARCHIVE(Set.of("ACTIVE", "SUSPENDED"), "ARCHIVED", "community.archived");

  private final Set<String> from;
  private final String to;
  private final String action;

  CommunityStatusChange(Set<String> from, String to, String action) {
    this.from = from;
    this.to = to;
    this.action = action;
  }

  Set<String> from() {
    return from;
  }

  String to() {
    return to;
  }

  String action() {
    return action;
  }
}
