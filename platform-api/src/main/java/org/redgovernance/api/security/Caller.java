package org.redgovernance.api.security;

import java.util.Map;
import java.util.Set;

/**
 * The person behind a request, as the token describes them: who they are and which roles they hold
 * in which streets and communities. Keys are street and community keys as in the role group paths.
 */
public record Caller(
    String userId,
    String username,
    String displayName,
    boolean platformOperator,
    Map<String, Set<StreetRole>> streetRoles,
    Map<String, Set<CommunityRole>> communityRoles) {

  /**
   * The platform itself, for the jobs that act on every community (closing unrated matters, rolling
   * meeting series out, delivering notifications). Its id {@code system} is no Keycloak subject
   * (those are UUIDs); the database's wall around each person's notifications lets it through.
   */
  public static final Caller SYSTEM =
      new Caller("system", "system", "系统", true, Map.of(), Map.of());

  public Caller {
    streetRoles = Map.copyOf(streetRoles);
    communityRoles = Map.copyOf(communityRoles);
  }

  public Set<CommunityRole> rolesIn(String communityKey) {
    return communityRoles.getOrDefault(communityKey, Set.of());
  }

  public Set<StreetRole> rolesOnStreet(String streetKey) {
    return streetRoles.getOrDefault(streetKey, Set.of());
  }
}
