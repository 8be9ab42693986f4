package org.redgovernance.api.bodies;

import java.util.List;

/** A community's headline figures. */
record CommunityFigures(
    int households,
    int residents,
    int partyMembers,
    List<KindCount> partyMembersByKind,
    int householdsWithPartyMember,
    List<BodyFigures> bodies) {

  /** Party members of one kind. */
  record KindCount(String kind, int count) {}

  /** Share of households with at least one party member living there. */
  double partyMemberHouseholdShare() {
    return households == 0 ? 0 : (double) householdsWithPartyMember / households;
  }
}
