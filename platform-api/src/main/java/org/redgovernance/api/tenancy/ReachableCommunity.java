package org.redgovernance.api.tenancy;

import java.util.Objects;
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

  /**
   * Equal when every component is. The directory hands out the same objects for a while, and read
   * plans compare a street's fifty of them on every request: the same object is equal at once.
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    return other instanceof ReachableCommunity that
        && Objects.equals(id, that.id)
        && Objects.equals(key, that.key)
        && Objects.equals(name, that.name)
        && status == that.status
        && Objects.equals(streetId, that.streetId)
        && Objects.equals(streetKey, that.streetKey)
        && Objects.equals(streetName, that.streetName)
        && Objects.equals(roles, that.roles)
        && Objects.equals(streetRoles, that.streetRoles)
        && platformOperator == that.platformOperator;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id,
        key,
        name,
        status,
        streetId,
        streetKey,
        streetName,
        roles,
        streetRoles,
        platformOperator);
  }

  public boolean holdsAny(CommunityRole... wanted) {
    for (CommunityRole role : wanted) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  /**
   * May read the community's roster (households, residents, party members): its staff and oversight
   * from above. Residents, owner representatives and party members see the governance bodies and
   * figures, not their neighbours' records.
   */
  public boolean mayReadRoster() {
    return staffOrOverseen();
  }

  /**
   * The community's staff (admin, secretary, owners' committee, supervisory committee) or oversight
   * from above: those who see every matter, meeting detail and roster entry, not only their own.
   */
  public boolean staffOrOverseen() {
    return overseen()
        || holdsAny(
            CommunityRole.ADMIN,
            CommunityRole.SECRETARY,
            CommunityRole.OWNERS_COMMITTEE,
            CommunityRole.SUPERVISOR);
  }

  /** May see phone and ID-card numbers unmasked (every such read is recorded). */
  public boolean maySeePersonalData() {
    return holdsAny(CommunityRole.ADMIN, CommunityRole.SECRETARY);
  }

  /** May change the roster: the community's admin and secretary, while it accepts writes. */
  public boolean mayEditRoster() {
    return holdsAny(CommunityRole.ADMIN, CommunityRole.SECRETARY);
  }

  /**
   * Runs the street's affairs in this community (a street-wide survey, the rollout): the street's
   * admin, or the platform operator.
   */
  public boolean streetAdmin() {
    return platformOperator || streetRoles.contains(StreetRole.ADMIN);
  }

  /** Oversight from above: a street role over this community, or the platform operator. */
  public boolean overseen() {
    return platformOperator || !streetRoles.isEmpty();
  }
}
