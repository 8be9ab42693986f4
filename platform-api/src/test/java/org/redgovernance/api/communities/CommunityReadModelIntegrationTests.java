package org.redgovernance.api.communities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.SqlStatementCounter;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code community(key:)} answers its header from the caller's scope for free, and a selection of
 * declared fields in one statement — the same header either way, for every kind of caller.
 */
class CommunityReadModelIntegrationTests extends IntegrationTest {

  private static final String HEADER = "__typename id key name status street { key name } myRoles";

  @Autowired SqlStatementCounter statements;

  @Test
  void theHeaderCompiledWithTheVenues_isTheHeaderTheScopeGives_forEveryCaller() {
    for (String user :
        new String[] {
          "baiguoshu.admin", "baiguoshu.resident", "baishalu.viewer", "baishalu.admin"
        }) {
      long before = statements.total();
      JsonNode fromScope = community(user, HEADER).data("community");
      assertThat(statements.total() - before).as("the header costs the scope only").isEqualTo(1);

      before = statements.total();
      GraphQlResult compiled = community(user, HEADER + " servicePosts { name }");
      assertThat(statements.total() - before).as("scope, tenant context, one").isEqualTo(3);
      assertThat(compiled.hasErrors()).as(compiled.toString()).isFalse();
      ObjectNode header = (ObjectNode) compiled.data("community").deepCopy();
      assertThat(header.remove("servicePosts").size()).isPositive();
      assertThat(header.toString()).as(user).isEqualTo(fromScope.toString());
    }
  }

  @Test
  void aCommunityOutsideTheCallersScope_isNull_howeverItIsSelected() {
    GraphQlResult result = community("xinhua.admin", HEADER + " partners { name }");

    assertThat(result.hasErrors()).isFalse();
    assertThat(result.data("community").isNull()).isTrue();
  }

  @Test
  void theStreetsCommunitiesWithTheirVenues_areOneStatement_andEachAsAskedAlone() {
    String fields =
        "key name status street { key } myRoles servicePosts { name } partners { name }"
            + " matterFigures { total open byStatus { status count } }"
            + " meetingFigures { heldInLast8Weeks attendanceByBody { kind marked rate } }";
    long before = statements.total();
    GraphQlResult compiled = communities("baishalu.admin", fields);
    assertThat(statements.total() - before).as("scope, tenant context, one").isEqualTo(3);

    assertThat(compiled.hasErrors()).as(compiled.toString()).isFalse();
    assertThat(compiled.data("communities.edges").size()).isGreaterThan(1);
    for (JsonNode edge : compiled.data("communities.edges")) {
      JsonNode alone =
          community("baishalu.admin", edge.path("node").path("key").asString(), fields)
              .data("community");
      assertThat(edge.path("node").toString()).isEqualTo(alone.toString());
    }
  }

  @Test
  void aListReadableOnlyInSomeCommunities_isRefusedRowByRow_inTheSameOneStatement() {
    String fields = "key grids(first: 1) { totalCount } buildings(first: 1) { totalCount }";
    long before = statements.total();
    GraphQlResult resident = communities("baiguoshu.resident", fields);
    long residentStatements = statements.total() - before;
    GraphQlResult street = communities("baishalu.admin", fields);

    assertThat(residentStatements).as("scope, tenant context, one").isEqualTo(3);
    assertThat(resident.data("communities.edges.0.node.key").asString()).isEqualTo("baiguoshu");
    assertThat(resident.data("communities.edges.0.node.grids").isNull()).isTrue();
    assertThat(resident.errorCodes()).containsExactly("FORBIDDEN", "FORBIDDEN");
    List<String> paths = new java.util.ArrayList<>();
    resident.body().path("errors").forEach(error -> paths.add(error.path("path").toString()));
    assertThat(paths)
        .containsExactlyInAnyOrder(
            "[\"communities\",\"edges\",0,\"node\",\"grids\"]",
            "[\"communities\",\"edges\",0,\"node\",\"buildings\"]");
    assertThat(street.hasErrors()).as(street.toString()).isFalse();
    street
        .data("communities.edges")
        .forEach(
            edge ->
                assertThat(edge.path("node").path("grids").path("totalCount").asInt())
                    .isNotNegative());
  }

  @Test
  void aCommunity_isAnsweredAlike_directlyBelowANoticeAndByNode_aliasesAndAll() {
    String java =
        "key a: meetings(first: 1) { totalCount } b: meetings(first: 2) { totalCount"
            + " edges { node { title } } } bodies { kind } figures { households }";
    GraphQlResult direct = community("baiguoshu.admin", java);
    GraphQlResult belowNotices =
        graphql
            .query("{ notices(first: 3) { edges { node { title community { " + java + " } } } } }")
            .as("baiguoshu.admin")
            .execute();
    GraphQlResult byNode =
        graphql
            .query(
                "{ node(id: \""
                    + community("baiguoshu.admin", "id").data("community.id").asString()
                    + "\") { __typename ... on Community { "
                    + java
                    + " } } }")
            .as("baiguoshu.admin")
            .execute();

    assertThat(direct.hasErrors()).as(direct.toString()).isFalse();
    assertThat(belowNotices.hasErrors()).as(belowNotices.toString()).isFalse();
    assertThat(byNode.hasErrors()).as(byNode.toString()).isFalse();
    assertThat(belowNotices.data("notices.edges").size()).isPositive();
    belowNotices
        .data("notices.edges")
        .forEach(
            edge ->
                assertThat(edge.path("node").path("community").toString())
                    .isEqualTo(direct.data("community").toString()));
    assertThat(byNode.data("node.__typename").asString()).isEqualTo("Community");
    ((ObjectNode) byNode.data("node")).remove("__typename");
    assertThat(byNode.data("node").toString()).isEqualTo(direct.data("community").toString());
  }

  @Test
  void aCursorHoldingANulOrNoBase64_isBadInput_notAnInternalError() {
    for (String after :
        new String[] {
          java.util.Base64.getUrlEncoder().encodeToString("bai\u0000".getBytes()), "%%%", ""
        }) {
      GraphQlResult result =
          graphql
              .query(
                  "query($after: String) { communities(first: 2, after: $after) { totalCount } }")
              .variable("after", after)
              .as("baishalu.admin")
              .execute();

      assertThat(result.errorCodes()).as(after).isSubsetOf("BAD_USER_INPUT");
    }
  }

  private GraphQlResult communities(String user, String fields) {
    return graphql
        .query(
            "{ communities(first: 50) { totalCount edges { cursor node { "
                + fields
                + " } } pageInfo { hasNextPage endCursor } } }")
        .as(user)
        .execute();
  }

  private GraphQlResult community(String user, String fields) {
    return community(user, "baiguoshu", fields);
  }

  private GraphQlResult community(String user, String key, String fields) {
    return graphql
        .query("query($key: String!) { community(key: $key) { " + fields + " } }")
        .as(user)
        .variable("key", key)
        .execute();
  }
}
