package org.redgovernance.api.tenancy;

import java.util.Set;
import java.util.UUID;
import org.redgovernance.api.security.CommunityRole;
import org.redgovernance.api.security.StreetRole;

/**
 * A community the caller may touch, and why: their own roles in it, their roles on its street, or
 * being a platform operator.
 */
public record ReachableCommunity(
    UUID id,
    String key,
    String name,
    CommunityStatus status,
    UUID streetId,
    String streetKey,
    String streetName,
    Set<CommunityRole> roles,
    Set<StreetRole> streetRoles,
    boolean platformOperator) {

  public ReachableCommunity {
    roles = Set.copyOf(roles);
    streetRoles = Set.copyOf(streetRoles);
  }

  public boolean holdsAny(CommunityRole... wanted) {
    for (CommunityRole role : wanted) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  /** Oversight from above: a street role over this community, or the platform operator. */
  public boolean overseen() {
    return platformOperator || !streetRoles.isEmpty();
  }
}
