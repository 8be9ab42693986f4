package org.redgovernance.admin.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Exporting a community: every tenant table, every row, in load order, for the street's admins. */
class ArchiveIntegrationTests extends TenantAdminTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void theStreetAdmin_exportsEveryRowOfEveryTenantTable_inLoadOrder() throws Exception {
    HttpResponse<byte[]> response = get("baishalu.admin", "xinhua");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");

    Map<String, byte[]> entries = unzip(response.body());
    JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
    assertThat(manifest.path("community").path("key").asString()).isEqualTo("xinhua");
    List<String> tables = new ArrayList<>();
    manifest.path("tables").properties().forEach(t -> tables.add(t.getKey()));
    assertThat(tables)
        .contains("resident", "party_member", "matter", "matter_event", "meeting", "attendance");
    assertThat(tables.indexOf("household")).isLessThan(tables.indexOf("resident"));
    assertThat(tables.indexOf("resident")).isLessThan(tables.indexOf("matter"));
    assertThat(tables.indexOf("matter")).isLessThan(tables.indexOf("agenda_item"));

    for (String table : List.of("resident", "matter", "attendance", "audit_event")) {
      long inDatabase = ownerCount(table, "xinhua");
      String[] lines =
          new String(entries.get(table + ".jsonl"), StandardCharsets.UTF_8).split("\n");
      long exported = lines.length == 1 && lines[0].isEmpty() ? 0 : lines.length;
      assertThat(manifest.path("tables").path(table).asLong()).as(table).isEqualTo(inDatabase);
      assertThat(exported).as(table).isEqualTo(inDatabase);
    }
    String firstResident =
        new String(entries.get("resident.jsonl"), StandardCharsets.UTF_8).split("\n")[0];
    assertThat(JSON.readTree(firstResident).path("phone_masked").asString()).isNotBlank();
    try (XSSFWorkbook summary =
        new XSSFWorkbook(new ByteArrayInputStream(entries.get("summary.xlsx")))) {
      assertThat(summary.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
          .contains("xinhua");
    }
  }

  @Test
  void othersGetNothing() throws Exception {
    assertThat(get("gutang.admin", "xinhua").statusCode()).isEqualTo(404);
    assertThat(get("xinhua.admin", "xinhua").statusCode()).isEqualTo(404);
    assertThat(get("baishalu.viewer", "xinhua").statusCode()).isEqualTo(403);
    assertThat(get("baishalu.admin", "no-such-community").statusCode()).isEqualTo(404);
  }

  private HttpResponse<byte[]> get(String user, String key) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/communities/" + key + "/archive"))
                .header("Authorization", "Bearer " + Tokens.of(user))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static long ownerCount(String table, String community) throws SQLException {
    try (Connection owner = owner()) {
      owner.setAutoCommit(false);
      owner
          .createStatement()
          .executeQuery(
              "SELECT set_config('rg.community_ids', (SELECT array_agg(id)::text FROM rg.community), true)")
          .close();
      try (ResultSet row =
          owner
              .createStatement()
              .executeQuery(
                  "SELECT count(*) FROM rg."
                      + table
                      + " t JOIN rg.community c ON c.id = t.community_id WHERE c.key = '"
                      + community
                      + "'")) {
        row.next();
        long count = row.getLong(1);
        owner.rollback();
        return count;
      }
    }
  }
}
