package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlResult;

/**
 * The service as production runs it (no dev profile, nothing switched on): the schema is not handed
 * to strangers — no introspection, no GraphiQL, and no "did you mean" in validation errors that
 * would let a caller spell their way through the schema.
 */
class ProductionModeIntegrationTests extends IntegrationTest {

  @Test
  void introspection_isOff() {
    GraphQlResult result =
        graphql.query("{ __schema { types { name } } }").as("baiguoshu.resident").execute();

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.toString()).doesNotContain("Matter", "Household");
  }

  @Test
  void misspelledFields_andArguments_suggestNothing() {
    for (String document :
        new String[] {
          "{ viewer { usernam } }",
          "{ community(key: \"baiguoshu\") { matter(first: 1) { edges { node { id } } } } }",
          "{ community(key: \"baiguoshu\") { matters(firs: 1) { edges { node { titl } } } } }",
          "{ communty(key: \"baiguoshu\") { name } }"
        }) {
      GraphQlResult result = graphql.query(document).as("baiguoshu.resident").execute();

      assertThat(result.errorCodes()).as(document).containsOnly("GRAPHQL_VALIDATION_FAILED");
      assertThat(result.toString())
          .as(document)
          .doesNotContainIgnoringCase("did you mean")
          .doesNotContain("matters(", "\"title\"", "\"username\"", "\"first\"");
    }
  }

  @Test
  void graphiql_isNotServed() throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphiql"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isIn(401, 404);
    assertThat(page.body()).doesNotContainIgnoringCase("graphiql");
  }
}
