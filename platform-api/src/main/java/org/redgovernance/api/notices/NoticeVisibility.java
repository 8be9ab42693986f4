package org.redgovernance.api.notices;

import java.util.EnumSet;
import java.util.Set;
import org.redgovernance.api.security.CommunityRole;
import org.redgovernance.api.tenancy.ReachableCommunity;

/**
 * Which notices of a community a caller may read. Staff and street oversight read everything,
 * withdrawn notices included; party members read notices for everyone and for party members;
 * everybody else reads published notices for everyone.
 */
enum NoticeVisibility {
  STAFF(EnumSet.allOf(NoticeAudience.class), true),
  PARTY(EnumSet.of(NoticeAudience.EVERYONE, NoticeAudience.PARTY_MEMBERS), false),
  RESIDENT(EnumSet.of(NoticeAudience.EVERYONE), false);

  private final Set<NoticeAudience> audiences;
  private final boolean seesWithdrawn;

  NoticeVisibility(Set<NoticeAudience> audiences, boolean seesWithdrawn) {
    this.audiences = audiences;
    this.seesWithdrawn = seesWithdrawn;
  }

  static NoticeVisibility of(ReachableCommunity community) {
    if (community.overseen()
        || community.holdsAny(
            CommunityRole.ADMIN,
            CommunityRole.SECRETARY,
            CommunityRole.OWNERS_COMMITTEE,
            CommunityRole.SUPERVISOR)) {
      return STAFF;
    }
    if (community.holdsAny(CommunityRole.PARTY_MEMBER)) {
      return PARTY;
    }
    return RESIDENT;
  }

  Set<NoticeAudience> audiences() {
    return audiences;
  }

  boolean seesWithdrawn() {
    return seesWithdrawn;
  }

  boolean allows(NoticeState notice) {
    return audiences.contains(notice.audience())
        && (seesWithdrawn || notice.status() == NoticeStatus.PUBLISHED);
  }

  /** Publishing and withdrawing: the community's admin or secretary. */
  static boolean mayPublish(ReachableCommunity community) {
    return community.holdsAny(CommunityRole.ADMIN, CommunityRole.SECRETARY);
  }
}
