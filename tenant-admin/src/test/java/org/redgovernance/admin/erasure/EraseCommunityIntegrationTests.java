package org.redgovernance.admin.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.Archives;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.database.Ids;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

/**
 * Erasing a community: only its street's admins, only once it is closed and exported with the data
 * it still has; anything else is refused, audited and changes nothing.
 */
class EraseCommunityIntegrationTests extends TenantAdminTest {

  private static final String ERASE =
      """
      mutation($key: String!, $reason: String!) {
        eraseCommunity(input: {communityKey: $key, reason: $reason}) {
          communityKey roleHoldersDismissed statistics { households rows { table rows } }
          errors { code message field }
        }
      }""";
  private static final String SUSPEND =
      """
      mutation($key: String!) {
        suspendCommunity(input: {communityKey: $key, reason: "准备清除"}) { errors { code } }
      }""";
  private static final String AUDIT =
      """
      query($street: String!) {
        auditEvents(streetKey: $street, first: 100) { action communityKey result reason }
      }""";

  @Test
  void onlyAClosedCommunity_exportedWithTheDataItStillHas_isErased() {
    String key = newCommunity("er", "baishalu", "ACTIVE");
    addGrid(key, "第一网格");
    Archives archives = new Archives(port);

    assertThat(code(erase("baishalu.admin", key, "撤并"))).isEqualTo("ILLEGAL_TRANSITION");
    graphql.query(SUSPEND).as("baishalu.admin").variable("key", key).execute();
    assertThat(code(erase("baishalu.admin", key, "撤并"))).isEqualTo("EXPORT_REQUIRED");
    archives.exportEntries("baishalu.admin", key);
    addGrid(key, "导出后新增的网格");
    assertThat(code(erase("baishalu.admin", key, "撤并"))).isEqualTo("EXPORT_OUTDATED");
    assertThat(tenantRows(key).get("grid")).isEqualTo(2);

    archives.exportEntries("baishalu.admin", key);
    assertThat(code(erase("baishalu.viewer", key, "只读"))).isEqualTo("FORBIDDEN");
    assertThat(code(erase("gutang.admin", key, "越权"))).isEqualTo("NOT_FOUND");
    assertThat(code(erase("xinhua.admin", key, "社区管理员"))).isEqualTo("NOT_FOUND");
    assertThat(code(erase("baishalu.admin", key, "  "))).isEqualTo("INVALID_INPUT");
    assertThat(code(erase("baishalu.admin", "no-such-community", "x"))).isEqualTo("NOT_FOUND");
    assertThat(statusOf(key)).isEqualTo("SUSPENDED");
    assertThat(tenantRows(key).get("grid")).isEqualTo(2);

    JsonNode erased = erase("baishalu.admin", key, "社区撤并，数据按规定删除");
    assertThat(erased.path("errors").size()).as(erased.toString()).isZero();
    assertThat(erased.path("statistics").path("rows").toString())
        .contains("{\"table\":\"grid\",\"rows\":2}");
    assertThat(statusOf(key)).isEqualTo("ERASED");
    assertThat(tenantRows(key).values()).allMatch(rows -> rows == 0);

    JsonNode again = erase("baishalu.admin", key, "再次清除");
    assertThat(again.path("errors").size()).isZero();
    assertThat(again.path("statistics").isNull()).isTrue();

    assertThat(auditOf(key))
        .containsSubsequence(
            "community.erased OK 社区撤并，数据按规定删除",
            "community.erased REFUSED null",
            "community.exported OK null",
            "community.erased REFUSED null",
            "community.exported OK null",
            "community.erased REFUSED null",
            "community.suspended OK 准备清除",
            "community.erased REFUSED null");
  }

  private JsonNode erase(String user, String key, String reason) {
    GraphQlResult result =
        graphql.query(ERASE).as(user).variable("key", key).variable("reason", reason).execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return result.data("eraseCommunity");
  }

  private static String code(JsonNode payload) {
    assertThat(payload.path("statistics").isNull()).as(payload.toString()).isTrue();
    return payload.path("errors").path(0).path("code").asString();
  }

  private List<String> auditOf(String key) {
    List<String> lines = new ArrayList<>();
    for (JsonNode entry :
        graphql
            .query(AUDIT)
            .as("baishalu.admin")
            .variable("street", "baishalu")
            .execute()
            .data("auditEvents")) {
      if (key.equals(entry.path("communityKey").asString())) {
        lines.add(
            entry.path("action").asString()
                + " "
                + entry.path("result").asString()
                + " "
                + entry.path("reason").asString(null));
      }
    }
    return lines;
  }

  /** A row written behind the service's back, as platform-api would write it. */
  private static void addGrid(String key, String name) {
    try (Connection owner = owner()) {
      owner.setAutoCommit(false);
      owner
          .createStatement()
          .executeQuery(
              "SELECT set_config('rg.community_ids', (SELECT array_agg(id)::text FROM"
                  + " rg.community), true)")
          .close();
      try (PreparedStatement insert =
          owner.prepareStatement(
              "INSERT INTO rg.grid (community_id, id, name)"
                  + " SELECT id, ?, ? FROM rg.community WHERE key = ?")) {
        insert.setObject(1, Ids.newId());
        insert.setString(2, name);
        insert.setString(3, key);
        insert.executeUpdate();
      }
      owner.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
