package org.redgovernance.api.matters;

import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.tenancy.ReachableCommunity;

/**
 * Which matters of a community a caller sees, and how much of each. Staff and oversight see every
 * matter whole. Everyone else sees their own matters whole and the public ones once accepted,
 * without who raised them or from which home: {@link MatterModels} writes that rule in SQL, for
 * what the read model shows and for what {@link MatterRepository#state} finds.
 */
final class MatterVisibility {

  private MatterVisibility() {}

  /** Whether the caller's roles in the community show them every matter, whole. */
  static boolean seesAll(ReachableCommunity community) {
    return community.staffOrOverseen();
  }

  /**
   * A matter that does not exist or that the caller may not see: "not found", never "forbidden".
   */
  static Refusal notFound(String field) {
    return Refusal.because(UserError.Code.NOT_FOUND, "No such matter", field);
  }
}
