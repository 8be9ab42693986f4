package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.graphql.PersistedQueries;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Allow-list mode, as production may run it: only the documents registered at build time run, by
 * hash or by their exact text; any other document, and any attempt to register one, is refused.
 */
@TestPropertySource(
    properties = {
      "rg.graphql.persisted-queries.registered-only=true",
      "rg.graphql.persisted-queries.location=classpath:persisted-queries-test/*.graphql"
    })
class RegisteredDocumentsIntegrationTests extends IntegrationTest {

  private static final String REGISTERED = "query Viewer { viewer { username } }\n";

  @Test
  void aRegisteredDocument_runsByHashOrText_andNothingElseRuns() {
    String hash = PersistedQueries.sha256(REGISTERED);
    String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
    String text = JsonMapper.builder().build().writeValueAsString(REGISTERED);

    GraphQlResult byHash =
        graphql.postRaw("{\"extensions\":" + extensions + "}", "baiguoshu.resident");
    assertThat(byHash.data("viewer.username").asString()).isEqualTo("baiguoshu.resident");
    GraphQlResult byText = graphql.postRaw("{\"query\":" + text + "}", "baiguoshu.resident");
    assertThat(byText.data("viewer.username").asString()).isEqualTo("baiguoshu.resident");

    String other = "{ viewer { userId } }";
    assertThat(graphql.query(other).as("baiguoshu.resident").execute().errorCodes())
        .containsExactly("PERSISTED_QUERY_NOT_ALLOWED");
    String otherHash = PersistedQueries.sha256(other);
    assertThat(
            graphql
                .postRaw(
                    "{\"query\":\""
                        + other
                        + "\",\"extensions\":{\"persistedQuery\":{\"version\":1,"
                        + "\"sha256Hash\":\""
                        + otherHash
                        + "\"}}}",
                    "baiguoshu.resident")
                .errorCodes())
        .containsExactly("PERSISTED_QUERY_NOT_ALLOWED");
  }
}
