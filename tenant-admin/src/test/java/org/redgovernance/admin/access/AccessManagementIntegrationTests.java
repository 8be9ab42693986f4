package org.redgovernance.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.TenantAdminApplication;
import org.redgovernance.database.DatabaseRoles;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.TestStack;
import org.redgovernance.testing.TestStackInfo;
import org.redgovernance.testing.Tokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Granting and revoking community roles against the real Keycloak: a community admin grants a role
 * in their own community and the person's next token carries it; nobody reaches another community
 * or removes the last admin.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=" + TenantAdminApplication.CONFIG_NAME)
class AccessManagementIntegrationTests {

  private static final String CHANGE =
      "mutation($key: String!, $user: String!, $role: CommunityRole!) {"
          + " %s(input: {communityKey: $key, username: $user, role: $role})"
          + " { person { username roles } errors { code field } } }";
  private static final String PEOPLE =
      "query($key: String!) { communityPeople(communityKey: $key) { username roles } }";

  @LocalServerPort int port;

  private GraphQlHttp graphql;

  @DynamicPropertySource
  static void stack(DynamicPropertyRegistry properties) {
    TestStackInfo stack = TestStack.get();
    properties.add("spring.datasource.url", stack::jdbcUrl);
    properties.add("spring.datasource.username", () -> DatabaseRoles.ADMIN);
    properties.add("spring.datasource.password", () -> LocalPostgres.ADMIN_PASSWORD);
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", stack::issuer);
    properties.add("rg.keycloak.client-secret", () -> "rg-tenant-admin-dev-secret");
  }

  @BeforeEach
  void client() {
    graphql = new GraphQlHttp(port);
  }

  @Test
  void aCommunityAdmin_grantsARoleInTheirCommunity_andThePersonsNextTokenCarriesIt() {
    try {
      JsonNode granted =
          change(
              "baiguoshu.admin", "grantCommunityRole", "baiguoshu", "xinhua.resident", "RESIDENT");
      assertThat(granted.path("errors").size()).as(granted.toString()).isZero();
      assertThat(granted.path("person").path("roles").toString()).contains("RESIDENT");
      assertThat(groups(Tokens.fresh("xinhua.resident")))
          .contains("/communities/baiguoshu/resident", "/communities/xinhua/resident");
      assertThat(people("baiguoshu.admin", "baiguoshu")).contains("xinhua.resident");
    } finally {
      JsonNode revoked =
          change(
              "baiguoshu.admin", "revokeCommunityRole", "baiguoshu", "xinhua.resident", "RESIDENT");
      assertThat(revoked.path("errors").size()).as(revoked.toString()).isZero();
    }
    assertThat(groups(Tokens.fresh("xinhua.resident")))
        .doesNotContain("/communities/baiguoshu/resident")
        .contains("/communities/xinhua/resident");
  }

  @Test
  void nobodyReachesAnotherCommunity_orRemovesItsLastAdmin() {
    assertThat(
            code(
                change(
                    "baiguoshu.admin",
                    "grantCommunityRole",
                    "xinhua",
                    "baiguoshu.resident",
                    "ADMIN")))
        .isEqualTo("NOT_FOUND");
    assertThat(
            code(
                change(
                    "baiguoshu.resident",
                    "grantCommunityRole",
                    "baiguoshu",
                    "baiguoshu.resident",
                    "ADMIN")))
        .isEqualTo("NOT_FOUND");
    assertThat(
            code(
                change(
                    "baishalu.viewer",
                    "grantCommunityRole",
                    "baiguoshu",
                    "xinhua.resident",
                    "RESIDENT")))
        .isEqualTo("FORBIDDEN");
    assertThat(
            code(
                change(
                    "gutang.admin",
                    "grantCommunityRole",
                    "baiguoshu",
                    "xinhua.resident",
                    "RESIDENT")))
        .isEqualTo("NOT_FOUND");
    assertThat(
            code(
                change(
                    "baiguoshu.admin",
                    "grantCommunityRole",
                    "baiguoshu",
                    "nobody.here",
                    "RESIDENT")))
        .isEqualTo("NOT_FOUND");
    assertThat(
            code(
                change(
                    "baiguoshu.admin",
                    "revokeCommunityRole",
                    "baiguoshu",
                    "baiguoshu.admin",
                    "ADMIN")))
        .isEqualTo("LAST_ADMIN");
    assertThat(
            code(
                change(
                    "baishalu.admin",
                    "revokeCommunityRole",
                    "baiguoshu",
                    "baiguoshu.admin",
                    "ADMIN")))
        .isEqualTo("LAST_ADMIN");
    assertThat(groups(Tokens.fresh("baiguoshu.admin"))).contains("/communities/baiguoshu/admin");
    assertThat(people("xinhua.admin", "baiguoshu")).isEmpty();
    assertThat(people("baishalu.viewer", "baiguoshu")).contains("baiguoshu.admin");
  }

  private JsonNode change(String user, String mutation, String key, String person, String role) {
    GraphQlResult result =
        graphql
            .query(CHANGE.formatted(mutation))
            .as(user)
            .variable("key", key)
            .variable("user", person)
            .variable("role", role)
            .execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return result.data(mutation);
  }

  private static String code(JsonNode payload) {
    assertThat(payload.path("person").isNull()).as(payload.toString()).isTrue();
    return payload.path("errors").path(0).path("code").asString();
  }

  private List<String> people(String user, String key) {
    List<String> names = new ArrayList<>();
    graphql
        .query(PEOPLE)
        .as(user)
        .variable("key", key)
        .execute()
        .data("communityPeople")
        .forEach(p -> names.add(p.path("username").asString()));
    return names;
  }

  private static List<String> groups(String token) {
    String payload =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    List<String> groups = new ArrayList<>();
    JsonMapper.builder()
        .build()
        .readTree(payload)
        .path("groups")
        .forEach(g -> groups.add(g.asString()));
    return groups;
  }
}
