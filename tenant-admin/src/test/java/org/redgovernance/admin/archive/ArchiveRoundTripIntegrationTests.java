package org.redgovernance.admin.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.Archives;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An archive goes into an empty community and comes out the same; export → erase → import gives
 * back every row and every role holder.
 */
class ArchiveRoundTripIntegrationTests extends TenantAdminTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ERASE =
      """
      mutation($key: String!, $reason: String!) {
        eraseCommunity(input: {communityKey: $key, reason: $reason}) {
          communityKey roleHoldersDismissed
          statistics { households residents partyMembers matters meetingsHeld rows { table rows } }
          errors { code message field }
        }
      }""";
  private static final String PEOPLE =
      "query($key: String!) { communityPeople(communityKey: $key) { username roles } }";

  private Archives archives;

  @BeforeEach
  void archives() {
    archives = new Archives(port);
  }

  @Test
  void exportEraseImport_givesBackEveryRowAndEveryRoleHolder() {
    Map<String, byte[]> xinhua = archives.exportEntries("baishalu.admin", "xinhua");
    String copy = newCommunity("rt", "baishalu", "ONBOARDING");

    HttpResponse<String> imported =
        archives.importInto("baishalu.admin", copy, Archives.zip(xinhua));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(statusOf(copy)).isEqualTo("SUSPENDED");
    Map<String, byte[]> before = archives.exportEntries("baishalu.admin", copy);
    assertThat(rowsIgnoringCommunity(before)).isEqualTo(rowsIgnoringCommunity(xinhua));
    assertThat(people(copy)).isEqualTo(people("xinhua")).isNotEmpty();

    JsonNode erased = erase("baishalu.admin", copy, "社区撤并，按个人信息保护法删除");
    assertThat(erased.path("errors").size()).as(erased.toString()).isZero();
    JsonNode statistics = erased.path("statistics");
    assertThat(statistics.path("households").asLong())
        .isEqualTo(Archives.lines(before.get("household.jsonl")).size())
        .isPositive();
    assertThat(statistics.path("matters").asLong())
        .isEqualTo(Archives.lines(before.get("matter.jsonl")).size());
    assertThat(erased.path("roleHoldersDismissed").asInt()).isPositive();
    assertThat(statusOf(copy)).isEqualTo("ERASED");
    assertThat(tenantRows(copy).values()).allMatch(rows -> rows == 0);
    assertThat(people(copy)).isEmpty();
    assertThat(registered(copy).path("erasedStatistics").path("residents").asLong())
        .isEqualTo(statistics.path("residents").asLong());

    imported = archives.importInto("baishalu.admin", copy, Archives.zip(before));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    Map<String, byte[]> after = archives.exportEntries("baishalu.admin", copy);
    for (String entry : before.keySet()) {
      if (entry.endsWith(".jsonl")) {
        assertThat(new String(after.get(entry))).as(entry).isEqualTo(new String(before.get(entry)));
      }
    }
    assertThat(people(copy)).isEqualTo(people("xinhua"));
    assertThat(registered(copy).path("erasedStatistics").isNull()).isTrue();

    // leave nobody holding a role in the copy
    assertThat(erase("baishalu.admin", copy, "测试结束").path("errors").size()).isZero();
  }

  @Test
  void anArchive_goesOnlyIntoAnEmptyCommunity_andABadOneChangesNothing() {
    Map<String, byte[]> xinhua = archives.exportEntries("baishalu.admin", "xinhua");
    Map<String, Long> xinhuaRows = tenantRows("xinhua");

    HttpResponse<String> intoFull =
        archives.importInto("baishalu.admin", "xinhua", Archives.zip(xinhua));
    assertThat(intoFull.statusCode()).isEqualTo(409);
    assertThat(intoFull.body()).contains("NOT_EMPTY");
    assertThat(tenantRows("xinhua")).isEqualTo(xinhuaRows);

    String empty = newCommunity("rt", "baishalu", "ONBOARDING");
    Map<String, byte[]> oneResidentShort = new TreeMap<>(xinhua);
    List<String> residents = Archives.lines(xinhua.get("resident.jsonl"));
    oneResidentShort.put(
        "resident.jsonl", String.join("\n", residents.subList(1, residents.size())).getBytes());
    assertRefused(empty, Archives.zip(oneResidentShort), 400, "INVALID_ARCHIVE");

    Map<String, byte[]> unknownTable = new TreeMap<>(xinhua);
    ObjectNode manifest = (ObjectNode) JSON.readTree(xinhua.get("manifest.json"));
    ((ObjectNode) manifest.path("tables")).put("no_such_table", 1);
    unknownTable.put("manifest.json", JSON.writeValueAsBytes(manifest));
    unknownTable.put("no_such_table.jsonl", "{}".getBytes());
    assertRefused(empty, Archives.zip(unknownTable), 400, "INVALID_ARCHIVE");

    Map<String, byte[]> brokenRow = new TreeMap<>(xinhua);
    brokenRow.put("grid.jsonl", "{\"id\": \"not a uuid\"}\n".getBytes());
    ObjectNode oneGrid = (ObjectNode) JSON.readTree(xinhua.get("manifest.json"));
    ((ObjectNode) oneGrid.path("tables")).put("grid", 1);
    brokenRow.put("manifest.json", JSON.writeValueAsBytes(oneGrid));
    assertRefused(empty, Archives.zip(brokenRow), 400, "INVALID_ARCHIVE");

    assertRefused(empty, "not a zip".getBytes(), 400, "INVALID_ARCHIVE");
    assertThat(archives.importInto("baishalu.viewer", empty, Archives.zip(xinhua)).statusCode())
        .isEqualTo(403);
    assertThat(archives.importInto("gutang.admin", empty, Archives.zip(xinhua)).statusCode())
        .isEqualTo(404);
    assertThat(archives.importInto("xinhua.admin", empty, Archives.zip(xinhua)).statusCode())
        .isEqualTo(404);

    assertThat(tenantRows(empty).values()).allMatch(rows -> rows == 0);
    assertThat(statusOf(empty)).isEqualTo("ONBOARDING");
    assertThat(people(empty)).isEmpty();
  }

  private void assertRefused(String key, byte[] archive, int status, String code) {
    HttpResponse<String> response = archives.importInto("baishalu.admin", key, archive);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo(code);
  }

  private JsonNode erase(String user, String key, String reason) {
    GraphQlResult result =
        graphql.query(ERASE).as(user).variable("key", key).variable("reason", reason).execute();
    return result.data("eraseCommunity");
  }

  private JsonNode registered(String key) {
    JsonNode communities =
        graphql
            .query(
                "{ registeredCommunities(streetKey: \"baishalu\") { key status exportedAt"
                    + " erasedStatistics { residents households } } }")
            .as("baishalu.admin")
            .execute()
            .data("registeredCommunities");
    for (JsonNode community : communities) {
      if (community.path("key").asString().equals(key)) {
        return community;
      }
    }
    throw new AssertionError("not registered: " + key);
  }

  /** "username ROLE,ROLE" per role holder, sorted. */
  private TreeSet<String> people(String key) {
    TreeSet<String> people = new TreeSet<>();
    graphql
        .query(PEOPLE)
        .as("baishalu.admin")
        .variable("key", key)
        .execute()
        .data("communityPeople")
        .forEach(p -> people.add(p.path("username").asString() + " " + p.path("roles")));
    return people;
  }

  /** Each table's rows with the community id left out, sorted: the data, wherever it lives. */
  private static Map<String, List<String>> rowsIgnoringCommunity(Map<String, byte[]> archive) {
    Map<String, List<String>> tables = new TreeMap<>();
    archive.forEach(
        (entry, bytes) -> {
          if (entry.endsWith(".jsonl") && !entry.equals("roles.jsonl")) {
            List<String> rows = new ArrayList<>();
            for (String line : Archives.lines(bytes)) {
              ObjectNode row = (ObjectNode) JSON.readTree(line);
              row.remove("community_id");
              rows.add(row.toString());
            }
            rows.sort(null);
            tables.put(entry, rows);
          }
        });
    return tables;
  }
}
