package org.redgovernance.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * A street's audit log read by community, action and time, and exported as a workbook with the same
 * entries for the same filter — for the street's admins only.
 */
class AuditLogIntegrationTests extends TenantAdminTest {

  private static final String EVENTS =
      """
      query($street: String!, $filter: AdminAuditFilter) {
        auditEvents(streetKey: $street, first: 200, filter: $filter) {
          action communityKey result reason
        }
      }""";

  @Test
  void theLog_isFilteredByCommunityActionAndTime() {
    String key = suspendedAndReactivated();

    assertThat(actions(Map.of("communityKey", key)))
        .containsExactly("community.reactivated", "community.suspended");
    assertThat(actions(Map.of("communityKey", key, "action", "community.suspended")))
        .containsExactly("community.suspended");
    assertThat(actions(Map.of("communityKey", key, "from", "2999-01-01T00:00:00+08:00"))).isEmpty();
    assertThat(actions(Map.of("communityKey", key, "until", "2000-01-01T00:00:00+08:00")))
        .isEmpty();
    assertThat(actions(Map.of("action", "no.such.action"))).isEmpty();
  }

  @Test
  void theExport_holdsTheSameEntriesAsThePage_andIsItselfLogged() throws Exception {
    String key = suspendedAndReactivated();

    HttpResponse<byte[]> export = export("baishalu.admin", "communityKey=" + key);

    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("audit-log-baishalu-");
    List<List<String>> rows = new ArrayList<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
      for (Row row : workbook.getSheet("操作日志")) {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(cell.getStringCellValue()));
        rows.add(cells);
      }
    }
    assertThat(rows.get(0)).containsExactly("时间", "操作人", "动作", "社区", "结果", "原因");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1)).contains("community.reactivated", key, "OK", "核查完毕");
    assertThat(rows.get(2)).contains("community.suspended", key, "OK", "账目核查");
    assertThat(actions(Map.of("communityKey", key, "action", "audit.exported")))
        .containsExactly("audit.exported");
  }

  @Test
  void onlyTheStreetsAdmins_export_andBadInputIsRefused() throws Exception {
    assertThat(export("gutang.admin", "").statusCode()).isEqualTo(404);
    assertThat(export("baishalu.viewer", "").statusCode()).isEqualTo(404);
    assertThat(export("baiguoshu.admin", "").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> badTime = export("baishalu.admin", "from=yesterday");
    assertThat(badTime.statusCode()).isEqualTo(400);
    assertThat(new String(badTime.body(), StandardCharsets.UTF_8)).contains("INVALID_INPUT");

    // text PostgreSQL cannot take, or that no key or action is, is refused before any reading
    for (String query :
        List.of("action=community.%00", "communityKey=" + "x".repeat(300), "action=%ED%A0%80")) {
      HttpResponse<byte[]> refused = export("baishalu.admin", query);
      assertThat(refused.statusCode()).as(query).isEqualTo(400);
      assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("INVALID_INPUT");
    }
    GraphQlResult huge =
        graphql
            .query(EVENTS)
            .as("baishalu.admin")
            .variable("street", "baishalu")
            .variable("filter", Map.of("action", "x".repeat(10_000)))
            .execute();
    assertThat(huge.data("auditEvents").size()).isZero();

    GraphQlResult nul =
        graphql
            .query(EVENTS)
            .as("baishalu.admin")
            .variable("street", "baishalu")
            .variable("filter", Map.of("action", "community.\u0000"))
            .execute();
    assertThat(nul.errorCodes()).contains("INVALID_INPUT");
    GraphQlResult foreign =
        graphql
            .query(EVENTS)
            .as("gutang.admin")
            .variable("street", "baishalu")
            .variable("filter", Map.of())
            .execute();
    assertThat(foreign.data("auditEvents").size()).isZero();
  }

  private String suspendedAndReactivated() {
    String key = newCommunity("audit", "baishalu", "ACTIVE");
    for (String[] change :
        new String[][] {{"suspendCommunity", "账目核查"}, {"reactivateCommunity", "核查完毕"}}) {
      GraphQlResult result =
          graphql
              .query(
                  "mutation($key: String!, $reason: String!) { %s(input: {communityKey: $key,"
                          .formatted(change[0])
                      + " reason: $reason}) { errors { code } } }")
              .as("baishalu.admin")
              .variable("key", key)
              .variable("reason", change[1])
              .execute();
      assertThat(result.data(change[0] + ".errors").size()).isZero();
    }
    return key;
  }

  private List<String> actions(Map<String, Object> filter) {
    GraphQlResult result =
        graphql
            .query(EVENTS)
            .as("baishalu.admin")
            .variable("street", "baishalu")
            .variable("filter", filter)
            .execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    List<String> actions = new ArrayList<>();
    for (JsonNode entry : result.data("auditEvents")) {
      actions.add(entry.path("action").asString());
    }
    return actions;
  }

  private HttpResponse<byte[]> export(String username, String query) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/streets/"
                            + URLEncoder.encode("baishalu", StandardCharsets.UTF_8)
                            + "/audit-log.xlsx?"
                            + query))
                .header("Authorization", "Bearer " + Tokens.of(username))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }
}
