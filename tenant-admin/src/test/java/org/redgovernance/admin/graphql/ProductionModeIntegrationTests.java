package org.redgovernance.admin.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.GraphQlResult;

/**
 * tenant-admin as production runs it: no introspection, no GraphiQL, no "did you mean" that would
 * spell out its schema.
 */
class ProductionModeIntegrationTests extends TenantAdminTest {

  @Test
  void introspection_isOff_andMisspellingsSuggestNothing() {
    GraphQlResult schema =
        graphql.query("{ __schema { types { name } } }").as("baishalu.admin").execute();
    assertThat(schema.hasErrors()).isTrue();
    assertThat(schema.toString()).doesNotContain("RegisteredCommunity", "onboardCommunity");

    GraphQlResult misspelled =
        graphql.query("{ registeredCommunity { ky } }").as("baishalu.admin").execute();
    assertThat(misspelled.errorCodes()).containsOnly("GRAPHQL_VALIDATION_FAILED");
    assertThat(misspelled.toString())
        .doesNotContainIgnoringCase("did you mean")
        .doesNotContain("registeredCommunities");
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
