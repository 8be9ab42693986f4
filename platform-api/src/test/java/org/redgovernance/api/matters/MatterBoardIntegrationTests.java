package org.redgovernance.api.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.readmodel.RenderedJsonStrategy;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.GraphQlWebSocket;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The matter board as the read model writes it, for every caller in one statement: pages that
 * follow each other, filters that keep exactly the matters they name, what residents may not know
 * left out, and the same answer over a WebSocket as over HTTP.
 */
class MatterBoardIntegrationTests extends IntegrationTest {

  private static final String MATTER_FIELDS =
      """
      id __typename title description category source status isPublic raisedByName
      subcategory { id category name }
      reporter { residentId name address }
      location { buildingId building householdId household description }
      assignee { kind id assigneeId name }
      dueOn overdue resolution rating ratingComment
      reportedAt resolvedAt verifiedAt closedAt
      latestEntry { at actorName from to note }
      timeline { at actorName from to }
      supportCount supportedByMe mine version createdAt updatedAt
      ...on Matter { alias: title }
      skipped: title @include(if: false)
      """;

  @Autowired RenderedJsonStrategy strategy;

  @Test
  void pagesFollowEachOther_intoTheWholeBoard() {
    JsonNode whole = board("baiguoshu.admin", Map.of("first", 12));
    List<String> paged = new ArrayList<>();
    String after = null;
    for (int page = 0; page < 4; page++) {
      Map<String, Object> variables =
          after == null ? Map.of("first", 3) : Map.of("first", 3, "after", after);
      JsonNode connection = board("baiguoshu.admin", variables);
      assertThat(connection.path("pageInfo").path("hasPreviousPage").asBoolean())
          .isEqualTo(after != null);
      connection.path("edges").forEach(edge -> paged.add(edge.path("node").toString()));
      after = connection.path("pageInfo").path("endCursor").asString();
    }
    List<String> all = new ArrayList<>();
    whole.path("edges").forEach(edge -> all.add(edge.path("node").toString()));
    assertThat(paged).isEqualTo(all);
  }

  @Test
  void eachFilter_keepsExactlyTheMattersItNames() {
    JsonNode all = board("baiguoshu.admin", Map.of("first", 60));
    assertThat(ids(board("baiguoshu.admin", filtered("statuses", List.of("CLOSED")))))
        .isEqualTo(idsWhere(all, m -> m.path("status").asString().equals("CLOSED")));
    assertThat(ids(board("baiguoshu.admin", filtered("categories", List.of("OTHER")))))
        .isEqualTo(idsWhere(all, m -> m.path("category").asString().equals("OTHER")));
    assertThat(ids(board("baiguoshu.admin", filtered("overdue", true))))
        .isEqualTo(idsWhere(all, m -> m.path("overdue").asBoolean()));
    assertThat(ids(board("baiguoshu.admin", filtered("mine", true))))
        .isEqualTo(idsWhere(all, m -> m.path("mine").asBoolean()));
    assertThat(board("baiguoshu.admin", Map.of("first", 0)).path("edges").size()).isZero();
  }

  @Test
  void aResident_seesTheirOwnMattersWhole_andOthersWithoutWhoRaisedThemOrFromWhere() {
    desk().reportedByTheResident("我家门口的路灯坏了");
    JsonNode board = board("baiguoshu.resident", Map.of("first", 60));
    assertThat(board.path("edges").size()).isPositive();
    for (JsonNode edge : board.path("edges")) {
      JsonNode matter = edge.path("node");
      if (matter.path("mine").asBoolean()) {
        assertThat(matter.path("raisedByName").isNull()).as(matter.toString()).isFalse();
        continue;
      }
      assertThat(matter.path("isPublic").asBoolean()).as(matter.toString()).isTrue();
      assertThat(matter.path("status").asString()).isNotIn("REPORTED", "REJECTED");
      assertThat(matter.path("reporter").isNull()).as(matter.toString()).isTrue();
      assertThat(matter.path("raisedByName").isNull()).isTrue();
      assertThat(matter.path("ratingComment").isNull()).isTrue();
      assertThat(matter.path("location").path("household").isNull()).isTrue();
      assertThat(matter.path("location").path("householdId").isNull()).isTrue();
    }
  }

  @Test
  void overAWebSocket_theBoardArrivesAsOverHttp() {
    JsonNode overHttp = board("baiguoshu.admin", Map.of("first", 50));
    long before = strategy.rendered();
    try (GraphQlWebSocket socket =
        GraphQlWebSocket.connectAs(port, "baiguoshu.admin", "baiguoshu")) {
      socket.subscribe("board", boardDocument(), Map.of("key", "baiguoshu", "first", 50));
      JsonNode next = socket.next(Duration.ofSeconds(10));

      assertThat(next.path("type").asString()).as(next.toString()).isEqualTo("next");
      assertThat(next.path("payload").path("data").path("community").path("matters").toString())
          .isEqualTo(overHttp.toString());
    }
    assertThat(strategy.rendered()).as("written by PostgreSQL").isEqualTo(before + 1);
  }

  private MatterDesk desk() {
    return new MatterDesk(graphql);
  }

  private static Map<String, Object> filtered(String name, Object value) {
    return Map.of("first", 60, "filter", Map.of(name, value));
  }

  private static List<String> ids(JsonNode connection) {
    return idsWhere(connection, matter -> true);
  }

  private static List<String> idsWhere(
      JsonNode connection, java.util.function.Predicate<JsonNode> kept) {
    List<String> ids = new ArrayList<>();
    for (JsonNode edge : connection.path("edges")) {
      if (kept.test(edge.path("node"))) {
        ids.add(edge.path("node").path("id").asString());
      }
    }
    return ids;
  }

  /** The board's connection, written by PostgreSQL in one answer. */
  private JsonNode board(String user, Map<String, Object> variables) {
    long before = strategy.rendered();
    var call = graphql.query(boardDocument()).as(user).variable("key", "baiguoshu");
    variables.forEach(call::variable);
    GraphQlResult result = call.execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    assertThat(strategy.rendered()).as("written by PostgreSQL").isEqualTo(before + 1);
    return result.data("community.matters");
  }

  private static String boardDocument() {
    return "query($key: String!, $first: Int, $after: String, $filter: MatterFilter) {"
        + " community(key: $key) { matters(first: $first, after: $after, filter: $filter) {"
        + " __typename edges { __typename cursor node { "
        + MATTER_FIELDS
        + " } } pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor } } } }";
  }
}
