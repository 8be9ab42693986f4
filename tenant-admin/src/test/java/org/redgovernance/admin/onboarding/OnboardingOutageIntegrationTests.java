package org.redgovernance.admin.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.TestStack;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Keycloak goes away: a role change is answered UNAVAILABLE and changes nothing; and in the middle
 * of onboarding — after the community's group and some of its role groups were made — and comes
 * back: the community is left ONBOARDING, never ACTIVE half made, and the same request again
 * finishes it without duplicating anything. tenant-admin reaches the admin API through {@link
 * SeveringProxy} here, which cuts every connection on cue.
 */
class OnboardingOutageIntegrationTests extends TenantAdminTest {

  private static final String ONBOARD =
      "mutation($input: OnboardCommunityInput!) { onboardCommunity(input: $input) {"
          + " community { key status } errors { code field } } }";
  private static final SeveringProxy PROXY = proxy();

  @DynamicPropertySource
  static void adminApiThroughTheProxy(DynamicPropertyRegistry properties) {
    properties.add(
        "rg.keycloak.admin-url",
        () -> "http://127.0.0.1:" + PROXY.port() + "/admin/realms/red-governance");
  }

  @AfterAll
  static void closeProxy() throws IOException {
    PROXY.close();
  }

  @Test
  void keycloakStoppingMidway_leavesTheCommunityOnboarding_andTheRetryFinishesIt() {
    String key = "outage-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> input =
        Map.of(
            "streetKey",
            "gutang",
            "key",
            key,
            "name",
            "断线测试社区",
            "firstAdmin",
            Map.of("username", "admin." + key, "email", key + "@example.org"));
    // the community's own group takes 4 admin calls, each role group 4 more: stop after 3 of 7
    PROXY.severAfter(16);

    JsonNode stopped = onboard(input);
    assertThat(PROXY.severed())
        .as("Keycloak was taken away after %d requests: %s", PROXY.requests(), stopped)
        .isTrue();
    assertThat(stopped.path("errors").path(0).path("code").asString()).isEqualTo("UNAVAILABLE");
    assertThat(status(key)).isEqualTo("ONBOARDING");

    PROXY.restore();
    JsonNode resumed = onboard(input);
    assertThat(resumed.path("errors").size()).as(resumed.toString()).isZero();
    assertThat(resumed.path("community").path("status").asString()).isEqualTo("ACTIVE");
    assertThat(status(key)).isEqualTo("ACTIVE");
    GraphQlResult people =
        graphql
            .query(
                "query($key: String!) { communityPeople(communityKey: $key) { username roles } }")
            .as("gutang.admin")
            .variable("key", key)
            .execute();
    assertThat(people.data("communityPeople.0.username").asString()).isEqualTo("admin." + key);
    assertThat(people.data("communityPeople").size()).isEqualTo(1);
  }

  @Test
  void aRoleChangeWhileKeycloakIsAway_isUnavailable_andChangesNothing() {
    Map<String, Long> before = tenantRows("baiguoshu");
    PROXY.severAfter(0);
    try {
      GraphQlResult refused =
          graphql
              .query(
                  "mutation { grantCommunityRole(input: {communityKey: \"baiguoshu\","
                      + " username: \"baiguoshu.resident\", role: OWNER_REP}) { errors { code } } }")
              .as("baiguoshu.admin")
              .execute();
      assertThat(refused.errorCodes()).as(refused.toString()).containsExactly("UNAVAILABLE");
      assertThat(
              refused
                  .body()
                  .path("errors")
                  .path(0)
                  .path("extensions")
                  .path("retryAfterSeconds")
                  .asInt())
          .isPositive();
      assertThat(refused.header("Retry-After")).as("for proxies and HTTP clients").isEqualTo("5");
    } finally {
      PROXY.restore();
    }
    assertThat(tenantRows("baiguoshu")).isEqualTo(before);
  }

  private JsonNode onboard(Map<String, Object> input) {
    GraphQlResult result =
        graphql.query(ONBOARD).as("gutang.admin").variable("input", input).execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return result.data("onboardCommunity");
  }

  private static String status(String key) {
    try (Connection owner = owner();
        PreparedStatement query =
            owner.prepareStatement("SELECT status FROM rg.community WHERE key = ?")) {
      query.setString(1, key);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SeveringProxy proxy() {
    try {
      return new SeveringProxy(TestStack.get().keycloakPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
