package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;

/** Documents built to exhaust the server are refused before they run, with a typed error. */
class QueryLimitsIntegrationTests extends IntegrationTest {

  @Test
  void tooManyAliases_areRefused() {
    StringBuilder document = new StringBuilder("query {");
    for (int i = 0; i < 31; i++) {
      document.append(" a").append(i).append(": viewer { username }");
    }
    GraphQlResult result = graphql.query(document + " }").as("baiguoshu.resident").execute();

    assertThat(result.errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
    assertThat(result.data("a0").isMissingNode()).isTrue();
  }

  /** One page of the matter board: some forty fields. */
  private static final String BOARD = "matters(first: 1)";

  private static final String BOARD_FIELDS =
      " { edges { cursor node { id title description category source status"
          + " isPublic raisedByName dueOn overdue resolution rating ratingComment reportedAt"
          + " resolvedAt verifiedAt closedAt supportCount supportedByMe mine version createdAt"
          + " updatedAt subcategory { id category name } reporter { residentId name address }"
          + " location { buildingId building householdId household description } } } }";

  /** The board {@code copies} times under aliases, each kept when {@code condition} holds. */
  private static String boards(int copies, String condition) {
    StringBuilder document = new StringBuilder();
    for (int i = 0; i < copies; i++) {
      document
          .append(" b")
          .append(i)
          .append(": ")
          .append(BOARD)
          .append(condition)
          .append(BOARD_FIELDS);
    }
    return document.toString();
  }

  @Test
  void tooManyFields_areRefused() {
    GraphQlResult result =
        graphql
            .query("query { community(key: \"baiguoshu\") {" + boards(15, "") + " } }")
            .as("baiguoshu.resident")
            .execute();

    assertThat(result.errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
    assertThat(result.toString()).contains("fields; at most 500");
  }

  @Test
  void aDocumentOverTheLimit_isRefusedEveryTime_andIncludeDecidesWhatCounts() {
    String query =
        "query($all: Boolean!) { community(key: \"baiguoshu\") { "
            + BOARD
            + BOARD_FIELDS
            + boards(15, " @include(if: $all)")
            + " } }";

    for (int round = 0; round < 2; round++) {
      // the same document passes while the heavy part is left out, and is refused with it, in
      // either order: a document that passed once is not waved through with other variables
      GraphQlResult light =
          graphql.query(query).as("baiguoshu.resident").variable("all", false).execute();
      assertThat(light.hasErrors()).as(light.toString()).isFalse();
      GraphQlResult heavy =
          graphql.query(query).as("baiguoshu.resident").variable("all", true).execute();
      assertThat(heavy.errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
      assertThat(heavy.toString()).contains("fields; at most 500");
    }
  }

  @Test
  void aHugeDocument_isRefusedByTheParser() {
    String huge = "query { viewer { " + "username ".repeat(6000) + "} }";
    GraphQlResult result = graphql.query(huge).as("baiguoshu.resident").execute();

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.errorCodes()).doesNotContain("", "INTERNAL");
  }

  @Test
  void syntaxAndValidationErrors_carryACode() {
    assertThat(graphql.query("query { viewer {").as("baiguoshu.resident").execute().errorCodes())
        .containsExactly("GRAPHQL_PARSE_FAILED");
    assertThat(
            graphql
                .query("query { viewer { password } }")
                .as("baiguoshu.resident")
                .execute()
                .errorCodes())
        .containsExactly("GRAPHQL_VALIDATION_FAILED");
  }

  @Test
  void introspection_isOffOutsideDev() {
    GraphQlResult result =
        graphql
            .query("query { __schema { queryType { name } } }")
            .as("baiguoshu.resident")
            .execute();

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.data("__schema").isMissingNode() || result.data("__schema").isNull())
        .isTrue();
  }
}
