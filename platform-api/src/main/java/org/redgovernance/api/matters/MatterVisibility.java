package org.redgovernance.api.matters;

import java.util.Optional;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.tenancy.ReachableCommunity;

/**
 * Which matters of a community a caller sees, and how much of each. Staff and oversight see every
 * matter whole. Everyone else sees their own matters whole and the public ones once accepted,
 * without who raised them or from which home. {@code MatterRepository} applies the same rule in
 * SQL.
 */
record MatterVisibility(boolean seesAll, String userId) {

  static MatterVisibility of(ReachableCommunity community, String userId) {
    return new MatterVisibility(seesAll(community), userId);
  }

  static boolean seesAll(ReachableCommunity community) {
    return community.staffOrOverseen();
  }

  /**
   * The matter if it exists and this caller may see it; otherwise "not found", never "forbidden".
   */
  Matter require(Optional<Matter> found, String field) {
    return found
        .filter(this::allows)
        .orElseThrow(() -> Refusal.because(UserError.Code.NOT_FOUND, "No such matter", field));
  }

  boolean allows(Matter matter) {
    return seesAll || matter.mine() || publiclyVisible(matter.isPublic(), matter.status());
  }

  /** The matter as this caller may see it; call only when {@link #allows} says yes. */
  Matter shown(Matter matter) {
    return seesAll || matter.mine() ? matter : matter.withoutReporter();
  }

  static boolean publiclyVisible(boolean isPublic, MatterStatus status) {
    return isPublic && status != MatterStatus.REPORTED && status != MatterStatus.REJECTED;
  }
}
