package org.redgovernance.api.security;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The person behind a request, as the token describes them: who they are and which roles they hold
 * in which streets and communities. Keys are street and community keys as in the role group paths.
 * {@code verifiedEmail}: the account's e-mail address when Keycloak verified it, else null.
 */
public record Caller(
    String userId,
    String username,
    String displayName,
    boolean platformOperator,
    Map<String, Set<StreetRole>> streetRoles,
    Map<String, Set<CommunityRole>> communityRoles,
    @Nullable String verifiedEmail) {

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

  /** A caller whose token names no verified e-mail address. */
  public Caller(
      String userId,
      String username,
      String displayName,
      boolean platformOperator,
      Map<String, Set<StreetRole>> streetRoles,
      Map<String, Set<CommunityRole>> communityRoles) {
    this(userId, username, displayName, platformOperator, streetRoles, communityRoles, null);
  }

  public Set<CommunityRole> rolesIn(String communityKey) {
    return communityRoles.getOrDefault(communityKey, Set.of());
  }

  public Set<StreetRole> rolesOnStreet(String streetKey) {
    return streetRoles.getOrDefault(streetKey, Set.of());
  }
}
