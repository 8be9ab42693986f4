package org.redgovernance.api.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a {@link Caller} from a validated Keycloak access token. Roles come from the {@code groups}
 * claim (full group paths) and the {@code platform-operator} realm role; groups that are not role
 * groups are ignored, never guessed at.
 */
public final class CallerFromToken {

  static final String PLATFORM_OPERATOR = "platform-operator";

  private static final Pattern STREET_GROUP =
      Pattern.compile("^/streets/([a-z][a-z0-9-]{1,62})/([a-z-]+)$");
  private static final Pattern COMMUNITY_GROUP =
      Pattern.compile("^/communities/([a-z][a-z0-9-]{1,62})/([a-z-]+)$");

  private CallerFromToken() {}

  public static Caller read(Jwt token) {
    Map<String, Set<StreetRole>> streets = new TreeMap<>();
    Map<String, Set<CommunityRole>> communities = new TreeMap<>();
    for (String group : strings(token.getClaim("groups"))) {
      Matcher street = STREET_GROUP.matcher(group);
      if (street.matches()) {
        StreetRole.ofGroup(street.group(2))
            .ifPresent(
                role ->
                    streets
                        .computeIfAbsent(street.group(1), key -> EnumSet.noneOf(StreetRole.class))
                        .add(role));
        continue;
      }
      Matcher community = COMMUNITY_GROUP.matcher(group);
      if (community.matches()) {
        CommunityRole.ofGroup(community.group(2))
            .ifPresent(
                role ->
                    communities
                        .computeIfAbsent(
                            community.group(1), key -> EnumSet.noneOf(CommunityRole.class))
                        .add(role));
      }
    }
    Map<String, Object> realmAccess = token.getClaimAsMap("realm_access");
    boolean operator =
        realmAccess != null && strings(realmAccess.get("roles")).contains(PLATFORM_OPERATOR);

    String username =
        firstNonBlank(token.getClaimAsString("preferred_username"), token.getSubject());
    return new Caller(
        token.getSubject(),
        username,
        firstNonBlank(token.getClaimAsString("name"), username),
        operator,
        streets,
        communities,
        Boolean.TRUE.equals(token.getClaimAsBoolean("email_verified"))
            ? token.getClaimAsString("email")
            : null);
  }

  private static List<String> strings(@Nullable Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }

  private static String firstNonBlank(@Nullable String first, String second) {
    return first != null && !first.isBlank() ? first : second;
  }
}
