package org.redgovernance.api.security;

import java.util.Arrays;
import java.util.Optional;

/** A role in one community, granted by membership of {@code /communities/<key>/<group>}. */
public enum CommunityRole {
  ADMIN("admin"),
  SECRETARY("secretary"),
  OWNERS_COMMITTEE("owners-committee"),
  SUPERVISOR("supervisor"),
  OWNER_REP("owner-rep"),
  PARTY_MEMBER("party-member"),
  RESIDENT("resident");

  private final String group;

  CommunityRole(String group) {
    this.group = group;
  }

  /** The name of the Keycloak role group, the last segment of its path. */
  public String group() {
    return group;
  }

  static Optional<CommunityRole> ofGroup(String group) {
    return Arrays.stream(values()).filter(role -> role.group.equals(group)).findFirst();
  }
}
