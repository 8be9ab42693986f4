package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.readmodel.RenderedJsonStrategy;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code totalCount} on every connection is the number of nodes a client gets by walking all its
 * pages — the same on every page, on the empty page after the last one, whether PostgreSQL writes
 * the page or it is resolved field by field — and costs no statement of its own.
 */
class ConnectionTotalsIntegrationTests extends IntegrationTest {

  @Autowired SqlStatementCounter statements;
  @Autowired RenderedJsonStrategy strategy;

  /** A connection as a client reads it: the path to it and the document that selects it. */
  private record Connection(String user, String path, String document) {

    /** {@code field} of Baiguoshu, its nodes selected as {@code node}. */
    static Connection ofBaiguoshu(String user, String field, String arguments, String node) {
      return new Connection(
          user,
          "community." + field,
          "query($first: Int, $after: String) { community(key: \"baiguoshu\") { "
              + field
              + "(first: $first, after: $after"
              + arguments
              + ") { totalCount edges { node { "
              + node
              + " } } pageInfo { hasNextPage endCursor } } } }");
    }
  }

  @Test
  void everyConnection_countsWhatItsPagesHold() {
    List<Connection> connections =
        List.of(
            new Connection(
                "baishalu.admin",
                "communities",
                "query($first: Int, $after: String) { communities(first: $first, after: $after) {"
                    + " totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }"),
            new Connection(
                "baiguoshu.resident",
                "notices",
                "query($first: Int, $after: String) { notices(first: $first, after: $after) {"
                    + " totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }"),
            Connection.ofBaiguoshu("baiguoshu.admin", "grids", "", "id"),
            Connection.ofBaiguoshu("baiguoshu.admin", "buildings", "", "id"),
            Connection.ofBaiguoshu("baiguoshu.admin", "households", "", "id"),
            Connection.ofBaiguoshu("baiguoshu.admin", "households", "", "id grid { id }"),
            Connection.ofBaiguoshu(
                "baiguoshu.secretary",
                "households",
                ", orderBy: { field: ADDRESS, direction: DESC }",
                "id grid { id }"),
            Connection.ofBaiguoshu("baiguoshu.admin", "residents", "", "id"),
            Connection.ofBaiguoshu(
                "baiguoshu.admin", "residents", ", orderBy: { field: NAME }", "id"),
            Connection.ofBaiguoshu("baiguoshu.admin", "partyMembers", "", "id"),
            Connection.ofBaiguoshu("baiguoshu.admin", "matters", "", "id"),
            Connection.ofBaiguoshu("baiguoshu.admin", "matters", "", "id timeline { at }"),
            Connection.ofBaiguoshu("baiguoshu.resident", "matters", "", "id"),
            Connection.ofBaiguoshu("baiguoshu.admin", "meetings", "", "id"),
            Connection.ofBaiguoshu(
                "baiguoshu.resident", "meetings", ", filter: { newestFirst: true }", "id"));
    for (Connection connection : connections) {
      assertCountsItsPages(connection, 7);
    }
  }

  @Test
  void filters_narrowTheCount() {
    int all = total(Connection.ofBaiguoshu("baiguoshu.admin", "matters", "", "id"));
    int closed =
        total(
            Connection.ofBaiguoshu(
                "baiguoshu.admin", "matters", ", filter: { statuses: [CLOSED] }", "id"));
    int withParty =
        total(
            Connection.ofBaiguoshu(
                "baiguoshu.admin", "households", ", filter: { withPartyMember: true }", "id"));
    int withoutParty =
        total(
            Connection.ofBaiguoshu(
                "baiguoshu.admin", "households", ", filter: { withPartyMember: false }", "id"));
    int households = total(Connection.ofBaiguoshu("baiguoshu.admin", "households", "", "id"));

    assertThat(closed).isPositive().isLessThan(all);
    assertThat(withParty + withoutParty).isEqualTo(households);
    assertThat(
            assertCountsItsPages(
                Connection.ofBaiguoshu(
                    "baiguoshu.admin",
                    "matters",
                    ", filter: { statuses: [CLOSED] }",
                    "id timeline { at }"),
                2))
        .isEqualTo(closed);
  }

  @Test
  void aMatterTheResidentMayNotSee_isNotInTheirCount() {
    Connection staffBoard = Connection.ofBaiguoshu("baiguoshu.admin", "matters", "", "id");
    Connection residentBoard = Connection.ofBaiguoshu("baiguoshu.resident", "matters", "", "id");
    int staffBefore = total(staffBoard);
    int residentBefore = total(residentBoard);

    GraphQlResult reported =
        graphql
            .document("reportMatter")
            .as("baiguoshu.admin")
            .variable(
                "input",
                Map.of(
                    "communityKey", "baiguoshu",
                    "title", "巡查发现：消防通道堆放杂物",
                    "description", "尚未受理，居民看不到",
                    "category", "OTHER",
                    "source", "GRID_PATROL"))
            .execute();
    assertThat(reported.data("reportMatter.matter.status").asString()).isEqualTo("REPORTED");

    assertThat(total(staffBoard)).isEqualTo(staffBefore + 1);
    assertThat(total(residentBoard)).isEqualTo(residentBefore);
    assertThat(assertCountsItsPages(residentBoard, 5)).isEqualTo(residentBefore);
  }

  @Test
  void aCommunityAdmin_countsOnlyTheirOwnCommunity_theStreetCountsItsStreet() {
    int street = total(allCommunities("baishalu.admin"));
    int own = total(allCommunities("baiguoshu.admin"));

    assertThat(own).isEqualTo(1);
    assertThat(street).isGreaterThan(1);
    assertCountsItsPages(allCommunities("xinhua.admin"), 1);
  }

  @Test
  void commentsOfEveryMatterOnABoard_areCountedPerMatter_inTheBoardsStatement() {
    String board =
        "query { community(key: \"baiguoshu\") { matters(first: 20) { edges { node { id status"
            + " timeline { at } comments(first: 1) { totalCount edges { node { id } } } } } } } }";
    GraphQlResult before = graphql.query(board).as("baiguoshu.admin").execute();
    String open = null;
    for (JsonNode edge : before.data("community.matters.edges")) {
      if (!List.of("CLOSED", "REJECTED").contains(edge.path("node").path("status").asString())) {
        open = edge.path("node").path("id").asString();
      }
    }
    assertThat(open).as("an open matter on the board").isNotNull();
    for (String body : List.of("第一条", "第二条", "第三条")) {
      GraphQlResult commented =
          graphql
              .query(
                  "mutation($input: CommentOnMatterInput!) { commentOnMatter(input: $input) {"
                      + " errors { code } } }")
              .as("baiguoshu.admin")
              .variable("input", Map.of("id", open, "body", body))
              .execute();
      assertThat(commented.data("commentOnMatter.errors").size()).as(commented.toString()).isZero();
    }

    GraphQlResult result = graphql.query(board).as("baiguoshu.admin").execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();

    boolean someHaveMore = false;
    boolean someHaveNone = false;
    for (JsonNode edge : result.data("community.matters.edges")) {
      String matter = edge.path("node").path("id").asString();
      int total = edge.path("node").path("comments").path("totalCount").asInt();
      List<String> all = walkComments(matter, 1);
      assertThat(total).as("comments of %s", matter).isEqualTo(all.size());
      someHaveMore |= total > 1;
      someHaveNone |= total == 0;
    }
    assertThat(someHaveMore).as("a matter with several comments").isTrue();
    assertThat(someHaveNone).as("a matter without comments").isTrue();
  }

  @Test
  void totalCount_costsNoStatementOfItsOwn() {
    for (Connection connection :
        List.of(
            Connection.ofBaiguoshu("baiguoshu.admin", "grids", "", "id"),
            Connection.ofBaiguoshu("baiguoshu.admin", "households", "", "id"),
            Connection.ofBaiguoshu("baiguoshu.admin", "households", "", "id grid { id }"),
            Connection.ofBaiguoshu("baiguoshu.admin", "matters", "", "id timeline { at }"),
            Connection.ofBaiguoshu("baiguoshu.resident", "meetings", "", "id"))) {
      String without = connection.document().replace("totalCount ", "");
      long counted = statementsOf(connection.user(), connection.document());
      long uncounted = statementsOf(connection.user(), without);
      assertThat(counted).as(connection.path()).isEqualTo(uncounted);
    }
  }

  @Test
  void aPageRenderedByPostgres_andTheSamePageResolvedFieldByField_countAlike() {
    long before = strategy.rendered();
    int rendered = total(Connection.ofBaiguoshu("baiguoshu.admin", "households", "", "id"));
    assertThat(strategy.rendered()).as("written by PostgreSQL").isEqualTo(before + 1);
    // a household's grid is read as the read model declares it, its page field by field
    int resolved =
        total(Connection.ofBaiguoshu("baiguoshu.admin", "households", "", "id grid { id }"));

    assertThat(rendered).isPositive().isEqualTo(resolved);
    // an empty page (first: 0) still counts, both ways
    Connection households = Connection.ofBaiguoshu("baiguoshu.admin", "households", "", "id");
    Connection resolvedHouseholds =
        Connection.ofBaiguoshu("baiguoshu.admin", "households", "", "id grid { id }");
    assertThat(page(households, 0, null).path("totalCount").asInt()).isEqualTo(rendered);
    assertThat(page(resolvedHouseholds, 0, null).path("totalCount").asInt()).isEqualTo(rendered);
  }

  /**
   * Walks the connection in pages of {@code size}, checks that every page and the empty page after
   * the last carry the number of nodes walked, and returns it.
   */
  private int assertCountsItsPages(Connection connection, int size) {
    Set<String> seen = new HashSet<>();
    List<Integer> totals = new ArrayList<>();
    String after = null;
    String lastCursor = null;
    for (int page = 0; page < 500; page++) {
      JsonNode answer = page(connection, size, after);
      totals.add(answer.path("totalCount").asInt(-1));
      answer.path("edges").forEach(edge -> seen.add(edge.path("node").path("id").asString()));
      if (!answer.path("pageInfo").path("endCursor").isNull()) {
        lastCursor = answer.path("pageInfo").path("endCursor").asString();
      }
      if (!answer.path("pageInfo").path("hasNextPage").asBoolean()) {
        break;
      }
      after = lastCursor;
    }
    assertThat(seen).as(connection.toString()).isNotEmpty();
    if (lastCursor != null) {
      JsonNode beyond = page(connection, size, lastCursor);
      assertThat(beyond.path("edges").size()).as("the page after the last").isZero();
      totals.add(beyond.path("totalCount").asInt(-1));
    }
    assertThat(totals).as(connection.toString()).containsOnly(seen.size());
    return seen.size();
  }

  private JsonNode page(Connection connection, int size, String after) {
    var call = graphql.query(connection.document()).as(connection.user()).variable("first", size);
    if (after != null) {
      call.variable("after", after);
    }
    GraphQlResult result = call.execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return result.data(connection.path());
  }

  private int total(Connection connection) {
    return page(connection, 1, null).path("totalCount").asInt(-1);
  }

  private static Connection allCommunities(String user) {
    return new Connection(
        user,
        "communities",
        "query($first: Int, $after: String) { communities(first: $first, after: $after) {"
            + " totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }");
  }

  /** Every comment of the matter, walked one page of {@code size} at a time through node(id:). */
  private List<String> walkComments(String matter, int size) {
    String document =
        "query($id: ID!, $first: Int, $after: String) { node(id: $id) { ... on Matter {"
            + " comments(first: $first, after: $after) { totalCount edges { node { id } }"
            + " pageInfo { hasNextPage endCursor } } } } }";
    List<String> ids = new ArrayList<>();
    String after = null;
    for (int page = 0; page < 200; page++) {
      var call =
          graphql
              .query(document)
              .as("baiguoshu.admin")
              .variable("id", matter)
              .variable("first", size);
      if (after != null) {
        call.variable("after", after);
      }
      GraphQlResult result = call.execute();
      assertThat(result.hasErrors()).as(result.toString()).isFalse();
      JsonNode comments = result.data("node.comments");
      comments.path("edges").forEach(edge -> ids.add(edge.path("node").path("id").asString()));
      if (!comments.path("pageInfo").path("hasNextPage").asBoolean()) {
        if (after != null || !ids.isEmpty()) {
          String last = comments.path("pageInfo").path("endCursor").asString(after);
          JsonNode beyond =
              graphql
                  .query(document)
                  .as("baiguoshu.admin")
                  .variable("id", matter)
                  .variable("first", size)
                  .variable("after", last)
                  .execute()
                  .data("node.comments");
          assertThat(beyond.path("edges").size()).isZero();
          assertThat(beyond.path("totalCount").asInt(-1)).isEqualTo(ids.size());
        }
        return ids;
      }
      assertThat(comments.path("totalCount").asInt(-1)).isGreaterThanOrEqualTo(ids.size());
      after = comments.path("pageInfo").path("endCursor").asString();
    }
    return ids;
  }

  private long statementsOf(String user, String document) {
    long before = statements.total();
    GraphQlResult result = graphql.query(document).as(user).variable("first", 5).execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return statements.total() - before;
  }
}
