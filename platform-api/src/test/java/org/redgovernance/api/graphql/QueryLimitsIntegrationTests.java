package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/** Documents built to exhaust the server are refused before they run, with a typed error. */
class QueryLimitsIntegrationTests extends IntegrationTest {

  @Autowired private GraphQlSource source;

  @Test
  void operationsWaitForTheirSlotsOnlyAfterEveryLimitHasPassed() {
    // the slots come after every instrumentation that refuses a document, so that a refused one
    // never waits for a slot
    assertThat(source.graphQl().getInstrumentation())
        .isInstanceOfSatisfying(
            ChainedInstrumentation.class,
            chain -> {
              List<String> order =
                  chain.getInstrumentations().stream()
                      .map(instrumentation -> instrumentation.getClass().getName())
                      .toList();
              int slots = order.indexOf("org.redgovernance.api.limits.OperationSlots$TakingSlots");
              assertThat(slots).as(order.toString()).isPositive();
              for (String refusing :
                  List.of(
                      "org.redgovernance.api.limits.QueryCost",
                      "org.redgovernance.api.limits.QueryLimits",
                      "org.redgovernance.api.graphql.TextInputs")) {
                assertThat(order.indexOf(refusing))
                    .as(refusing + " in " + order)
                    .isBetween(0, slots);
              }
              assertThat(
                      chain.getInstrumentations().subList(0, slots).stream()
                          .anyMatch(i -> i instanceof MaxQueryDepthInstrumentation))
                  .as("the depth limit before the slots: " + order)
                  .isTrue();
            });
  }

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

  /** One page of the matter board: some forty fields on each of a hundred matters. */
  private static final String BOARD = "matters(first: 100)";

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
            .query("query { community(key: \"baiguoshu\") {" + boards(3, "") + " } }")
            .as("baiguoshu.resident")
            .execute();

    assertThat(result.errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
    assertThat(result.toString()).contains("at most 10000 are allowed");
  }

  @Test
  void aDocumentOverTheLimit_isRefusedEveryTime_andIncludeDecidesWhatCounts() {
    String query =
        "query($all: Boolean!) { community(key: \"baiguoshu\") { "
            + BOARD
            + BOARD_FIELDS
            + boards(2, " @include(if: $all)")
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
      assertThat(heavy.toString()).contains("at most 10000 are allowed");
    }
  }

  /**
   * The attack that a field count let through: a few dozen fields, each page of a hundred
   * households nesting residents and their household again, thirty times under aliases — millions
   * of objects from a 5 KB document.
   */
  @Test
  void pageSizesMultiplyDownTheTree_soNestedPagesAreRefusedBeforeTheyRun() {
    String nested = "residents { household { residents { household { residents { id } } } } }";
    StringBuilder document = new StringBuilder("query {");
    for (int i = 0; i < 30; i++) {
      document
          .append(" a")
          .append(i)
          .append(": community(key: \"baiguoshu\") { households(first: 100) { edges { node { ")
          .append(nested)
          .append(" } } } }");
    }

    long started = System.nanoTime();
    GraphQlResult result = graphql.query(document + " }").as("baiguoshu.admin").execute();

    assertThat(result.errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
    assertThat(result.toString()).contains("page sizes multiplied down the tree");
    assertThat(result.data("a0").isMissingNode()).isTrue();
    // refused before anything ran: well under the seconds the query itself would take
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
  }

  @Test
  void aPageSizeGivenByAVariable_countsAsMuchAsOneWrittenInTheDocument() {
    String query =
        "query($n: Int) { community(key: \"baiguoshu\") { households(first: $n) { edges { node {"
            + " residents { household { residents { id } } } } } } } }";

    for (int round = 0; round < 2; round++) {
      // a small page passes; the same document with a large page is refused, in either order
      GraphQlResult small = graphql.query(query).as("baiguoshu.admin").variable("n", 5).execute();
      assertThat(small.hasErrors()).as(small.toString()).isFalse();
      GraphQlResult large = graphql.query(query).as("baiguoshu.admin").variable("n", 100).execute();
      assertThat(large.errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
    }
  }

  @Test
  void aScreenOfAHundredHouseholdsWithResidents_isWithinTheLimit() {
    GraphQlResult result =
        graphql
            .query(
                "{ community(key: \"baiguoshu\") { households(first: 100) { edges { node { id"
                    + " address residents { id name status partyMembership { kind } } } } } } }")
            .as("baiguoshu.admin")
            .execute();

    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    assertThat(result.data("community.households.edges").size()).isEqualTo(100);
  }

  @Test
  void aBodyOfMegabytes_isRefusedWith413BeforeAnythingIsParsed() throws Exception {
    String list = "\"x\",".repeat(400_000);
    String body =
        "{\"query\":\"query($ids: [ID!]) { viewer { username } }\",\"variables\":{\"ids\":["
            + list
            + "\"x\"]}}";

    GraphQlResult sized = graphql.postRaw(body, "baiguoshu.resident");
    assertThat(sized.status()).isEqualTo(413);
    assertThat(sized.errorCodes()).containsExactly("REQUEST_TOO_LARGE");

    // the same body in chunks, without a Content-Length
    HttpResponse<String> chunked =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + Tokens.of("baiguoshu.resident"))
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
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
