package org.redgovernance.api.tenancy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.redgovernance.api.security.StreetRole;

/**
 * A street the caller reaches — through a community of it, a role on it, or as a platform operator
 * — with the communities of it they reach. The street's own objects (a rollout project) are seen
 * and changed as the street, in a transaction whose tenant context is those communities: row-level
 * security shows a street's rows to whoever reaches a community of it.
 */
public record ReachableStreet(
    UUID id,
    String key,
    String name,
    List<ReachableCommunity> communities,
    Set<StreetRole> roles,
    boolean platformOperator) {

  public ReachableStreet {
    communities = List.copyOf(communities);
    roles = Set.copyOf(roles);
  }

  /** The street as {@code communities} (all of one street, at least one) show it. */
  static ReachableStreet of(List<ReachableCommunity> communities) {
    ReachableCommunity first = communities.get(0);
    Set<StreetRole> roles = EnumSet.noneOf(StreetRole.class);
    boolean operator = false;
    for (ReachableCommunity community : communities) {
      roles.addAll(community.streetRoles());
      operator |= community.platformOperator();
    }
    return new ReachableStreet(
        first.streetId(), first.streetKey(), first.streetName(), communities, roles, operator);
  }

  /** Oversight of the whole street: a role on it, or the platform operator. */
  public boolean overseen() {
    return platformOperator || !roles.isEmpty();
  }

  /** May change the street's own objects: its admin, or the platform operator. */
  public boolean administered() {
    return platformOperator || roles.contains(StreetRole.ADMIN);
  }
}
