package org.redgovernance.api.meetings;

import org.redgovernance.api.security.CommunityRole;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;

/** Who may read and who may run a community's meetings. */
final class MeetingRules {

  /** The party branch convenes: the community's admin and secretary run meetings. */
  static final MutationTargets.Rule CONVENERS =
      new MutationTargets.Rule(
          community -> community.holdsAny(CommunityRole.ADMIN, CommunityRole.SECRETARY),
          "Only the community's admin or party secretary may run its meetings");

  private MeetingRules() {}

  /** Staff and oversight see per-person attendance and who raised agenda matters. */
  static boolean seesDetail(ReachableCommunity community) {
    return community.staffOrOverseen();
  }
}
