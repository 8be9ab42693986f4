package org.redgovernance.admin.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

/**
 * Suspending, reactivating and archiving a community: only its street's admins (and the platform
 * operator), always with a reason, only from the right status, and every attempt in the street's
 * audit log. Each test works on a community of its own, made for it, so that the demo communities
 * the other tests use stay active.
 */
class CommunityLifecycleIntegrationTests extends TenantAdminTest {

  private static final String CHANGE =
      "mutation($key: String!, $reason: String!) { %s(input: {communityKey: $key, reason: $reason})"
          + " { community { key status statusReason statusChangedAt } errors { code field } } }";
  private static final String AUDIT =
      "query($street: String!) { auditEvents(streetKey: $street, first: 200)"
          + " { action communityKey result reason actorName } }";

  @Test
  void aStreetAdmin_suspendsAndReactivatesACommunityOfTheirStreet_withAReason_audited() {
    String key = newCommunity("lc", "baishalu", "ACTIVE");

    JsonNode suspended = change("baishalu.admin", "suspendCommunity", key, "账目核查期间暂停");
    assertThat(suspended.path("community").path("status").asString()).isEqualTo("SUSPENDED");
    assertThat(suspended.path("community").path("statusReason").asString()).isEqualTo("账目核查期间暂停");
    assertThat(suspended.path("community").path("statusChangedAt").asString()).isNotBlank();
    JsonNode again = change("baishalu.admin", "suspendCommunity", key, "再次暂停");
    assertThat(again.path("errors").path(0).path("code").asString())
        .isEqualTo("ILLEGAL_TRANSITION");
    JsonNode reactivated = change("baishalu.admin", "reactivateCommunity", key, "核查完毕");
    assertThat(reactivated.path("community").path("status").asString()).isEqualTo("ACTIVE");

    JsonNode log = audit("baishalu.admin", "baishalu");
    assertThat(entries(log, key))
        .containsSubsequence(
            "community.reactivated OK 核查完毕",
            "community.suspended REFUSED 再次暂停",
            "community.suspended OK 账目核查期间暂停");
  }

  @Test
  void othersAreRefused_andNothingChanges() {
    String key = newCommunity("lc", "baishalu", "ACTIVE");

    assertThat(code(change("gutang.admin", "suspendCommunity", key, "越权"))).isEqualTo("NOT_FOUND");
    assertThat(code(change("baishalu.viewer", "suspendCommunity", key, "只读")))
        .isEqualTo("FORBIDDEN");
    assertThat(code(change("baiguoshu.admin", "suspendCommunity", key, "社区管理员")))
        .isEqualTo("NOT_FOUND");
    assertThat(code(change("baishalu.admin", "suspendCommunity", key, "  ")))
        .isEqualTo("INVALID_INPUT");
    assertThat(code(change("baishalu.admin", "reactivateCommunity", key, "未暂停")))
        .isEqualTo("ILLEGAL_TRANSITION");
    assertThat(code(change("baishalu.admin", "suspendCommunity", "no-such-community", "x")))
        .isEqualTo("NOT_FOUND");

    GraphQlResult registry =
        graphql
            .query("query { registeredCommunities(streetKey: \"baishalu\") { key status } }")
            .as("platform.operator")
            .execute();
    for (JsonNode community : registry.data("registeredCommunities")) {
      if (community.path("key").asString().equals(key)) {
        assertThat(community.path("status").asString()).isEqualTo("ACTIVE");
      }
    }
    assertThat(entries(audit("baishalu.admin", "baishalu"), key))
        .hasSize(5)
        .allMatch(line -> line.contains("REFUSED"));
    assertThat(audit("baishalu.viewer", "baishalu").size()).isZero();
    assertThat(audit("gutang.admin", "baishalu").size()).isZero();
  }

  @Test
  void anArchivedCommunity_staysArchived() {
    String key = newCommunity("lc", "gutang", "ACTIVE");

    JsonNode archived = change("gutang.admin", "archiveCommunity", key, "社区撤并");
    assertThat(archived.path("community").path("status").asString()).isEqualTo("ARCHIVED");
    assertThat(code(change("gutang.admin", "reactivateCommunity", key, "恢复")))
        .isEqualTo("ILLEGAL_TRANSITION");
    assertThat(code(change("platform.operator", "suspendCommunity", key, "暂停")))
        .isEqualTo("ILLEGAL_TRANSITION");
  }

  private JsonNode change(String user, String mutation, String key, String reason) {
    GraphQlResult result =
        graphql
            .query(CHANGE.formatted(mutation))
            .as(user)
            .variable("key", key)
            .variable("reason", reason)
            .execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return result.data(mutation);
  }

  private static String code(JsonNode payload) {
    assertThat(payload.path("community").isNull()).as(payload.toString()).isTrue();
    return payload.path("errors").path(0).path("code").asString();
  }

  private JsonNode audit(String user, String street) {
    return graphql.query(AUDIT).as(user).variable("street", street).execute().data("auditEvents");
  }

  private static java.util.List<String> entries(JsonNode log, String key) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (JsonNode entry : log) {
      if (key.equals(entry.path("communityKey").asString())) {
        lines.add(
            entry.path("action").asString()
                + " "
                + entry.path("result").asString()
                + " "
                + entry.path("reason").asString());
      }
    }
    return lines;
  }
}
