package org.redgovernance.admin.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.Archives;
import org.redgovernance.admin.support.TenantAdminTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Exporting a community: every tenant table, every row, in load order, for the street's admins. */
class ArchiveIntegrationTests extends TenantAdminTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void theStreetAdmin_exportsEveryRowOfEveryTenantTable_inLoadOrder() throws Exception {
    HttpResponse<byte[]> response = archives().export("baishalu.admin", "xinhua");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");

    Map<String, byte[]> entries = Archives.unzip(response.body());
    JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
    assertThat(manifest.path("community").path("key").asString()).isEqualTo("xinhua");
    List<String> tables = new ArrayList<>();
    manifest.path("tables").properties().forEach(t -> tables.add(t.getKey()));
    assertThat(tables)
        .contains("resident", "party_member", "matter", "matter_event", "meeting", "attendance");
    assertThat(tables.indexOf("household")).isLessThan(tables.indexOf("resident"));
    assertThat(tables.indexOf("resident")).isLessThan(tables.indexOf("matter"));
    assertThat(tables.indexOf("matter")).isLessThan(tables.indexOf("agenda_item"));

    Map<String, Long> inDatabase = tenantRows("xinhua");
    // invitations carry codes that must work once, and notifications are messages about the data
    // (their outbox and deliveries work in progress, their settings each account's own), and the
    // mirror of Keycloak's role groups is Keycloak's (the archive keeps roles.jsonl), and the
    // change log is the last week's live events: erased with the community, never archived
    List<String> notArchived =
        List.of(
            "community_invitation",
            "invitation_event",
            "notification_intent",
            "notification",
            "notification_delivery",
            "notification_attempt",
            "notification_setting",
            "notification_preference",
            "notification_wechat_consent",
            "notification_digest",
            "community_role_holder",
            "metric_point",
            "change_event");
    assertThat(inDatabase).containsKeys(notArchived.toArray(String[]::new));
    notArchived.forEach(inDatabase::remove);
    assertThat(tables).containsExactlyInAnyOrderElementsOf(inDatabase.keySet());
    for (String table : tables) {
      long exported = Archives.lines(entries.get(table + ".jsonl")).size();
      assertThat(manifest.path("tables").path(table).asLong())
          .as(table)
          .isEqualTo(inDatabase.get(table));
      assertThat(exported).as(table).isEqualTo(inDatabase.get(table));
    }
    String firstResident =
        new String(entries.get("resident.jsonl"), StandardCharsets.UTF_8).split("\n")[0];
    assertThat(JSON.readTree(firstResident).path("phone_masked").asString()).isNotBlank();
    assertThat(Archives.lines(entries.get("roles.jsonl")))
        .anySatisfy(
            role ->
                assertThat(JSON.readTree(role).path("username").asString())
                    .isEqualTo("xinhua.admin"));
    try (XSSFWorkbook summary =
        new XSSFWorkbook(new ByteArrayInputStream(entries.get("summary.xlsx")))) {
      assertThat(summary.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
          .contains("xinhua");
    }
  }

  @Test
  void othersGetNothing() throws Exception {
    Archives archives = archives();
    assertThat(archives.export("gutang.admin", "xinhua").statusCode()).isEqualTo(404);
    assertThat(archives.export("xinhua.admin", "xinhua").statusCode()).isEqualTo(404);
    assertThat(archives.export("baishalu.viewer", "xinhua").statusCode()).isEqualTo(403);
    assertThat(archives.export("baishalu.admin", "no-such-community").statusCode()).isEqualTo(404);
  }

  private Archives archives() {
    return new Archives(port);
  }
}
