package org.redgovernance.api.venues;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.SqlStatementCounter;
import org.redgovernance.api.readmodel.RenderedJsonStrategy;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Service posts and partners have one read path: the read model's declarations ({@link
 * VenueModels}), compiled for whatever a client selects — aliases, fragments, directives, {@code
 * __typename}, {@code node(id:)} and mutation payloads alike — into one statement each.
 */
class VenueReadModelIntegrationTests extends IntegrationTest {

  @Autowired RenderedJsonStrategy strategy;
  @Autowired SqlStatementCounter statements;

  @Test
  void aCommunitysVenues_areListedInTheirOrder_inOneStatementWithTheCommunity() {
    long before = statements.total();
    GraphQlResult result =
        graphql
            .query(
                "{ community(key: \"baiguoshu\") { servicePosts { kind name version }"
                    + " partners { name kind agreementFrom } } }")
            .as("baiguoshu.resident")
            .execute();
    long used = statements.total() - before;

    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    List<String> kinds = values(result.data("community.servicePosts"), "kind");
    assertThat(kinds).isSortedAccordingTo(String::compareTo).contains("PIONEER_POST");
    assertThat(result.data("community.partners.0.agreementFrom").asString())
        .matches("\\d{4}-\\d{2}-\\d{2}");
    // the caller's communities, the tenant context, and the community with both lists
    assertThat(used).isEqualTo(3);
  }

  @Test
  void aliasesFragmentsAndDirectives_shapeTheAnswerAsGraphQLSays() {
    String document =
        "query($withAddress: Boolean!, $skipName: Boolean!) { community(key: \"baiguoshu\") {"
            + " servicePosts { title: name name @skip(if: $skipName) __typename"
            + " ...Where @include(if: $withAddress) ... on ServicePost { title: name kind } } } }"
            + " fragment Where on ServicePost { address openingHours }";
    long rendered = strategy.rendered();
    GraphQlResult result =
        graphql
            .query(document)
            .as("baiguoshu.admin")
            .variable("withAddress", true)
            .variable("skipName", true)
            .execute();

    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    assertThat(strategy.rendered()).as("written by PostgreSQL").isEqualTo(rendered + 1);
    JsonNode first = result.data("community.servicePosts.0");
    assertThat(fieldNames(first))
        .containsExactly("title", "__typename", "address", "openingHours", "kind");
    assertThat(first.path("__typename").asString()).isEqualTo("ServicePost");
  }

  @Test
  void node_writesTheFieldsOfTheIdsType_inTheOrderGraphQLGivesThem() {
    String post =
        graphql
            .document("venues")
            .as("baiguoshu.resident")
            .variable("key", "baiguoshu")
            .execute()
            .data("community.servicePosts.0.id")
            .asString();
    long rendered = strategy.rendered();
    GraphQlResult result =
        graphql
            .query(
                "query($id: ID!) { node(id: $id) { ... on Notice { name: title } id"
                    + " ... on ServicePost { name kind } ... on Meeting { title } } }")
            .as("baiguoshu.resident")
            .variable("id", post)
            .execute();

    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    assertThat(strategy.rendered()).isEqualTo(rendered + 1);
    assertThat(fieldNames(result.data("node"))).containsExactly("id", "name", "kind");
    assertThat(result.data("node.id").asString()).isEqualTo(post);
  }

  @Test
  void anotherCommunitysVenue_isNullThroughNode() {
    String xinhuaPost =
        graphql
            .document("venues")
            .as("xinhua.admin")
            .variable("key", "xinhua")
            .execute()
            .data("community.servicePosts.0.id")
            .asString();

    GraphQlResult result =
        graphql.document("node").as("baiguoshu.admin").variable("id", xinhuaPost).execute();

    assertThat(result.data("node").isNull()).as(result.toString()).isTrue();
  }

  @Test
  void aMutationsPayload_readsTheChangedObjectBack_asEachAliasSelectsIt() {
    GraphQlResult added =
        graphql
            .query(
                "mutation($input: AddServicePostInput!) { addServicePost(input: $input) {"
                    + " brief: servicePost { name } full: servicePost { id name kind capacity"
                    + " version __typename } errors { code } } }")
            .as("baiguoshu.admin")
            .variable(
                "input",
                Map.of(
                    "communityKey", "baiguoshu",
                    "kind", "OTHER",
                    "name", "读模型测试驿站",
                    "capacity", 12))
            .execute();

    assertThat(added.hasErrors()).as(added.toString()).isFalse();
    assertThat(added.data("addServicePost.brief").toString()).isEqualTo("{\"name\":\"读模型测试驿站\"}");
    JsonNode full = added.data("addServicePost.full");
    assertThat(fieldNames(full))
        .containsExactly("id", "name", "kind", "capacity", "version", "__typename");
    assertThat(full.path("capacity").asInt()).isEqualTo(12);
    assertThat(full.path("version").isInt()).isTrue();

    GraphQlResult deleted =
        graphql
            .query(
                "mutation($input: DeleteInput!) { deleteServicePost(input: $input) {"
                    + " deletedId errors { code } } }")
            .as("baiguoshu.admin")
            .variable("input", Map.of("id", full.path("id").asString()))
            .execute();
    assertThat(deleted.data("deleteServicePost.deletedId").asString())
        .isEqualTo(full.path("id").asString());
  }

  private static List<String> values(JsonNode list, String field) {
    return list.valueStream().map(node -> node.path(field).asString()).toList();
  }

  private static List<String> fieldNames(JsonNode object) {
    return object.propertyNames().stream().toList();
  }
}
