package org.redgovernance.admin.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The person behind a tenant-admin request, reduced to what the registry cares about: whether they
 * operate the platform, which streets they administer or view, and which communities they
 * administer.
 */
public record Operator(
    String userId,
    String displayName,
    boolean platformOperator,
    Set<String> streetsAdministered,
    Set<String> streetsViewed,
    Set<String> communitiesAdministered) {

  private static final Pattern STREET_ROLE =
      Pattern.compile("^/streets/([a-z][a-z0-9-]{1,62})/(admin|viewer)$");
  private static final Pattern COMMUNITY_ADMIN =
      Pattern.compile("^/communities/([a-z][a-z0-9-]{1,62})/admin$");

  public static Operator of(Jwt token) {
    Set<String> administered = new TreeSet<>();
    Set<String> viewed = new TreeSet<>();
    Set<String> communities = new TreeSet<>();
    for (String group : strings(token.getClaim("groups"))) {
      Matcher community = COMMUNITY_ADMIN.matcher(group);
      if (community.matches()) {
        communities.add(community.group(1));
      }
      Matcher street = STREET_ROLE.matcher(group);
      if (street.matches()) {
        (street.group(2).equals("admin") ? administered : viewed).add(street.group(1));
      }
    }
    Map<String, Object> realmAccess = token.getClaimAsMap("realm_access");
    boolean operator =
        realmAccess != null && strings(realmAccess.get("roles")).contains("platform-operator");
    String name = token.getClaimAsString("name");
    if (name == null) {
      name = token.getClaimAsString("preferred_username");
    }
    return new Operator(
        token.getSubject(),
        name == null ? token.getSubject() : name,
        operator,
        administered,
        viewed,
        communities);
  }

  /**
   * Someone acting for themselves, with no administrative role: a person accepting an invitation,
   * as the audit log names them.
   */
  public static Operator person(String userId, String name) {
    return new Operator(userId, name, false, Set.of(), Set.of(), Set.of());
  }

  /** May read the registry entries of this street. */
  public boolean oversees(String streetKey) {
    return platformOperator
        || streetsAdministered.contains(streetKey)
        || streetsViewed.contains(streetKey);
  }

  /** May change this street's communities: its admins and the platform operator. */
  public boolean administers(String streetKey) {
    return platformOperator || streetsAdministered.contains(streetKey);
  }

  /** May manage who holds which role in this community of this street. */
  public boolean managesPeopleOf(String communityKey, String streetKey) {
    return administers(streetKey) || communitiesAdministered.contains(communityKey);
  }

  private static List<String> strings(@Nullable Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }
}
