package org.redgovernance.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerFromTokenTests {

  @Test
  void read_takesRolesFromFullGroupPaths() {
    Caller caller =
        CallerFromToken.read(
            token(
                List.of(
                    "/communities/baiguoshu/secretary",
                    "/communities/baiguoshu/party-member",
                    "/communities/xinhua/resident",
                    "/streets/baishalu/viewer"),
                List.of()));

    assertThat(caller.rolesIn("baiguoshu"))
        .containsExactlyInAnyOrder(CommunityRole.SECRETARY, CommunityRole.PARTY_MEMBER);
    assertThat(caller.rolesIn("xinhua")).containsExactly(CommunityRole.RESIDENT);
    assertThat(caller.rolesOnStreet("baishalu")).containsExactly(StreetRole.VIEWER);
    assertThat(caller.platformOperator()).isFalse();
    assertThat(caller.displayName()).isEqualTo("王 小明");
  }

  @Test
  void read_ignoresGroupsThatAreNotRoleGroups() {
    Caller caller =
        CallerFromToken.read(
            token(
                List.of(
                    "/communities/baiguoshu",
                    "/communities/baiguoshu/emperor",
                    "/communities/Baiguoshu/admin",
                    "/streets/baishalu/admin/extra",
                    "/other/baishalu/admin",
                    "communities/xinhua/admin"),
                List.of()));

    assertThat(caller.communityRoles()).isEmpty();
    assertThat(caller.streetRoles()).isEmpty();
  }

  @Test
  void read_recognisesThePlatformOperatorRealmRole() {
    assertThat(
            CallerFromToken.read(token(List.of(), List.of("platform-operator"))).platformOperator())
        .isTrue();
    assertThat(CallerFromToken.read(token(List.of(), List.of("offline_access"))).platformOperator())
        .isFalse();
  }

  private static Jwt token(List<String> groups, List<String> realmRoles) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .subject("3f1c7a52-0000-4000-8000-000000000001")
        .claim("preferred_username", "wang.xiaoming")
        .claim("name", "王 小明")
        .claim("groups", groups)
        .claim("realm_access", Map.of("roles", realmRoles))
        .issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(300))
        .build();
  }
}
