package org.redgovernance.api.roster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.SqlStatementCounter;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The roster is read as {@link RosterModels} declares it: a community with its grids, buildings and
 * households, each with what is selected below it, in one statement; the roster refused field by
 * field to those who may not read it.
 */
class RosterReadModelIntegrationTests extends IntegrationTest {

  @Autowired SqlStatementCounter statements;

  @Test
  void aCommunityWithItsGridsAndBuildings_isOneStatement() {
    long before = statements.total();
    GraphQlResult result =
        graphql
            .query(
                "{ community(key: \"baiguoshu\") { name grids(first: 2) { totalCount"
                    + " edges { node { id name workerName } } pageInfo { hasNextPage } }"
                    + " buildings(first: 3) { edges { node { number units grid { name } } } } } }")
            .as("baiguoshu.admin")
            .execute();

    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    assertThat(statements.total() - before).as("scope, tenant context, one").isEqualTo(3);
    assertThat(result.data("community.grids.edges").size()).isEqualTo(2);
    assertThat(result.data("community.grids.totalCount").asInt()).isGreaterThan(2);
    assertThat(result.data("community.buildings.edges.0.node.grid.name").asString()).isNotEmpty();
  }

  @Test
  void aPagesOwnReference_isJoined_whileAChainOfReferencesIsLookedUpRowByRow() {
    String buildings =
        statementOf(
            "{ community(key: \"baiguoshu\") { buildings(first: 3) { edges { node { number"
                + " grid { name } } } } } }");
    String residents =
        statementOf(
            "{ community(key: \"baiguoshu\") { residents(first: 3) { edges { node { name"
                + " household { building { grid { name } } } } } } } }");

    // the community and the page are limited; the grid is one more join of the page
    assertThat(limits(buildings)).as(buildings).isEqualTo(2);
    // pulled up into one join, a chain's generic plan scans every community's tables: household,
    // building and grid are each found by their key, per row
    assertThat(limits(residents)).as(residents).isEqualTo(5);
  }

  @Test
  void aPagesRows_areLimitedBeforeAnythingIsJoinedToThem() {
    String members =
        statementOf(
            "{ community(key: \"baiguoshu\") { partyMembers(first: 3) { edges { node { kind"
                + " resident { name household { id } } branch { name } } } } } }");

    // joined first, PostgreSQL may join every member the filter finds and sort them after
    assertThat(members)
        .as(members)
        .containsPattern("fetch next 4 rows only\\) as \"r\\d+\" left outer join lateral");
  }

  private String statementOf(String query) {
    GraphQlResult result = graphql.query(query).as("baiguoshu.admin").execute();
    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    return String.valueOf(statements.lastSql());
  }

  private static int limits(String sql) {
    return sql.split("rows only", -1).length - 1;
  }

  @Test
  void aResident_getsTheCommunity_andARefusalForEachRosterList_compiledOrNot() {
    for (String extra : new String[] {"", " households { totalCount }"}) {
      GraphQlResult result =
          graphql
              .query(
                  "{ community(key: \"baiguoshu\") { name grids { totalCount }"
                      + " buildings { totalCount }"
                      + extra
                      + " } }")
              .as("baiguoshu.resident")
              .execute();

      assertThat(result.data("community.name").asString()).isEqualTo("白果树社区");
      assertThat(result.data("community.grids").isNull()).isTrue();
      assertThat(result.data("community.buildings").isNull()).isTrue();
      assertThat(paths(result)).contains("community/grids", "community/buildings");
      assertThat(result.errorCodes()).containsOnly("FORBIDDEN");
    }
  }

  @Test
  void aGridById_isNullForAResident_andAnotherCommunitysAdmin() {
    String grid =
        graphql
            .query(
                "{ community(key: \"baiguoshu\") { grids(first: 1) { edges { node { id } } } } }")
            .as("baiguoshu.admin")
            .execute()
            .data("community.grids.edges.0.node.id")
            .asString();

    for (String user : new String[] {"baiguoshu.resident", "xinhua.admin"}) {
      GraphQlResult result = graphql.document("node").as(user).variable("id", grid).execute();
      assertThat(result.data("node").isNull()).as(user).isTrue();
    }
    assertThat(
            graphql
                .query("query($id: ID!) { node(id: $id) { ... on Grid { name } } }")
                .as("baiguoshu.secretary")
                .variable("id", grid)
                .execute()
                .data("node.name")
                .asString())
        .isNotEmpty();
  }

  @Test
  void households_withTheirResidentsBuildingsGridsAndPartyMembership_areOneStatement() {
    long before = statements.total();
    GraphQlResult result =
        graphql
            .query(
                "{ community(key: \"baiguoshu\") { households(first: 30) { totalCount edges { node {"
                    + " address residents { name partyMembership { kind branch { name } }"
                    + " household { address } } building { number grid { name } }"
                    + " grid { name } } } } } }")
            .as("baiguoshu.admin")
            .execute();

    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    JsonNode first = result.data("community.households.edges.0.node");
    assertThat(first.path("address").asString())
        .startsWith(first.path("building").path("number").asString());
    assertThat(first.path("residents").path(0).path("household").path("address").asString())
        .isEqualTo(first.path("address").asString());
    assertThat(statements.total() - before).as("scope, tenant context, one").isEqualTo(3);
  }

  @Test
  void wrongPagingArguments_nullOnlyTheirConnection_compiledOrNot() {
    for (String extra : new String[] {"", " households { totalCount }"}) {
      GraphQlResult result =
          graphql
              .query(
                  "{ community(key: \"baiguoshu\") { name grids(first: 1000) { totalCount }"
                      + " buildings(after: \"not-a-cursor!\") { totalCount }"
                      + extra
                      + " } }")
              .as("baiguoshu.admin")
              .execute();

      assertThat(result.data("community.name").asString()).isEqualTo("白果树社区");
      assertThat(result.data("community.grids").isNull()).isTrue();
      assertThat(result.data("community.buildings").isNull()).isTrue();
      assertThat(paths(result)).contains("community/grids", "community/buildings");
      assertThat(result.errorCodes()).containsOnly("BAD_USER_INPUT");
    }
  }

  @Test
  void anotherCommunitysGrid_orAForgedOne_filtersToNothing() {
    String xinhuaGrid =
        graphql
            .query("{ community(key: \"xinhua\") { grids(first: 1) { edges { node { id } } } } }")
            .as("xinhua.admin")
            .execute()
            .data("community.grids.edges.0.node.id")
            .asString();

    String document =
        "query($grid: ID) { community(key: \"baiguoshu\") {"
            + " buildings(gridId: $grid) { totalCount edges { node { id } } } } }";
    GraphQlResult nul =
        graphql
            .query(document)
            .as("baiguoshu.admin")
            .variable("grid", "\u0000" + xinhuaGrid)
            .execute();
    assertThat(nul.errorCodes()).containsExactly("INVALID_INPUT");

    for (String gridId : new String[] {xinhuaGrid, "网格".repeat(20_000), "R3JpZDp4"}) {
      GraphQlResult result =
          graphql.query(document).as("baiguoshu.admin").variable("grid", gridId).execute();

      assertThat(result.hasErrors()).as(result.toString()).isFalse();
      assertThat(result.data("community.buildings.totalCount").asInt()).isZero();
      assertThat(result.data("community.buildings.edges").size()).isZero();
    }
  }

  private static java.util.List<String> paths(GraphQlResult result) {
    java.util.List<String> paths = new java.util.ArrayList<>();
    result
        .body()
        .path("errors")
        .forEach(
            error -> {
              java.util.List<String> segments = new java.util.ArrayList<>();
              error.path("path").forEach(segment -> segments.add(segment.asString()));
              paths.add(String.join("/", segments));
            });
    return paths;
  }
}
