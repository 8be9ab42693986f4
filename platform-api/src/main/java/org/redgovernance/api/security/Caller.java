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
