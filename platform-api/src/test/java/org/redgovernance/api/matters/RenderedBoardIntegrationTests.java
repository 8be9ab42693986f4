package org.redgovernance.api.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.readmodel.RenderedJsonStrategy;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.GraphQlWebSocket;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The matter board as PostgreSQL writes it for staff is the board resolved field by field: the same
 * values, the same field order, the same cursors and page info. The field-by-field board is asked
 * for by adding {@code timeline}, which PostgreSQL does not write; it is then removed before
 * comparing.
 */
class RenderedBoardIntegrationTests extends IntegrationTest {

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
      supportCount supportedByMe mine version createdAt updatedAt
      ...on Matter { alias: title }
      skipped: title @include(if: false)
      """;

  @Autowired RenderedJsonStrategy strategy;

  @Test
  void aStaffBoard_writtenByPostgres_isTheBoardResolvedFieldByField() {
    for (String user :
        new String[] {"baiguoshu.admin", "baishalu.viewer", "baiguoshu.supervisor"}) {
      assertSameBoard(user, "baiguoshu", Map.of("first", 50));
    }
  }

  @Test
  void pagesFollowEachOther_withTheSameCursors() {
    String after = null;
    for (int page = 0; page < 4; page++) {
      Map<String, Object> variables =
          after == null ? Map.of("first", 3) : Map.of("first", 3, "after", after);
      JsonNode rendered = assertSameBoard("baiguoshu.admin", "baiguoshu", variables);
      assertThat(rendered.path("pageInfo").path("hasPreviousPage").asBoolean())
          .isEqualTo(after != null);
      after = rendered.path("pageInfo").path("endCursor").asString();
    }
  }

  @Test
  void filtersEmptyPagesAndPagesOfNothing_areAnsweredAlike() {
    assertSameBoard("baiguoshu.admin", "baiguoshu", Map.of("first", 0));
    assertSameBoard(
        "baiguoshu.admin",
        "baiguoshu",
        Map.of("first", 20, "filter", Map.of("statuses", java.util.List.of("CLOSED"))));
    assertSameBoard(
        "baiguoshu.admin", "baiguoshu", Map.of("first", 20, "filter", Map.of("overdue", true)));
    assertSameBoard(
        "baiguoshu.admin",
        "baiguoshu",
        Map.of("first", 20, "filter", Map.of("categories", java.util.List.of("OTHER"))));
  }

  @Test
  void residents_stillGetTheBoardFieldByField_withWhatTheyMaySee() {
    long before = strategy.rendered();
    GraphQlResult board =
        board("baiguoshu.resident", "baiguoshu", Map.of("first", 20), MATTER_FIELDS);
    assertThat(board.hasErrors()).as(board.toString()).isFalse();
    assertThat(strategy.rendered()).isEqualTo(before);
  }

  @Test
  void aSelectionWithoutCallerFields_isRenderedOnce_andStaysRightForEveryCaller() {
    String fields =
        "id title status category isPublic reportedAt raisedByName reporter { name }"
            + " assignee { kind name } latestEntry { at actorName from to note } supportCount";
    for (String user : new String[] {"baiguoshu.admin", "baiguoshu.supervisor"}) {
      String after = null;
      for (int page = 0; page < 2; page++) {
        Map<String, Object> variables =
            after == null ? Map.of("first", 4) : Map.of("first", 4, "after", after);
        after =
            assertSameBoard(user, "baiguoshu", variables, fields)
                .path("pageInfo")
                .path("endCursor")
                .asString();
      }
    }
    assertThat(MatterJson.remembered()).as("selections kept").isPositive();
  }

  @Test
  void overAWebSocket_theWrittenBoardArrivesAsOverHttp() {
    JsonNode overHttp = assertSameBoard("baiguoshu.admin", "baiguoshu", Map.of("first", 50));
    long before = strategy.rendered();
    try (GraphQlWebSocket socket =
        GraphQlWebSocket.connectAs(port, "baiguoshu.admin", "baiguoshu")) {
      socket.subscribe(
          "board", boardDocument(MATTER_FIELDS), Map.of("key", "baiguoshu", "first", 50));
      JsonNode next = socket.next(Duration.ofSeconds(10));

      assertThat(next.path("type").asString()).as(next.toString()).isEqualTo("next");
      assertThat(next.path("payload").path("data").path("community").path("matters").toString())
          .isEqualTo(overHttp.toString());
    }
    assertThat(strategy.rendered()).as("written by PostgreSQL").isEqualTo(before + 1);
  }

  /** Asks for the board both ways and returns the rendered connection. */
  private JsonNode assertSameBoard(String user, String key, Map<String, Object> variables) {
    return assertSameBoard(user, key, variables, MATTER_FIELDS);
  }

  private JsonNode assertSameBoard(
      String user, String key, Map<String, Object> variables, String fields) {
    long before = strategy.rendered();
    GraphQlResult rendered = board(user, key, variables, fields);
    assertThat(strategy.rendered()).as("written by PostgreSQL").isEqualTo(before + 1);
    GraphQlResult resolved = board(user, key, variables, fields + " timeline { at }");
    assertThat(strategy.rendered()).as("resolved field by field").isEqualTo(before + 1);
    assertThat(rendered.hasErrors()).as(rendered.toString()).isFalse();
    assertThat(resolved.hasErrors()).as(resolved.toString()).isFalse();

    JsonNode expected = resolved.data("community.matters");
    for (JsonNode edge : expected.path("edges")) {
      ((ObjectNode) edge.path("node")).remove("timeline");
    }
    JsonNode actual = rendered.data("community.matters");
    assertThat(actual.path("edges").size()).isEqualTo(expected.path("edges").size());
    // toString keeps the field order, which GraphQL promises to follow
    assertThat(actual.toString()).isEqualTo(expected.toString());
    return actual;
  }

  private GraphQlResult board(
      String user, String key, Map<String, Object> variables, String fields) {
    var call = graphql.query(boardDocument(fields)).as(user).variable("key", key);
    variables.forEach(call::variable);
    return call.execute();
  }

  private static String boardDocument(String fields) {
    return "query($key: String!, $first: Int, $after: String, $filter: MatterFilter) {"
        + " community(key: $key) { matters(first: $first, after: $after, filter: $filter) {"
        + " __typename edges { __typename cursor node { "
        + fields
        + " } } pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor } } } }";
  }
}
