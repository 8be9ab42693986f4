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

  @Test
  void tooManyFields_areRefused() {
    StringBuilder document = new StringBuilder("query { notices(first: 100) { edges { node {");
    for (int i = 0; i < 10; i++) {
      document.append(" title body audience status authorName publishedAt version");
    }
    document.append(" } } } viewer { username }");
    for (int i = 0; i < 25; i++) {
      document
          .append(" c")
          .append(i)
          .append(": communities { edges { node { key name status street { key name } } } }");
    }
    GraphQlResult result = graphql.query(document + " }").as("baiguoshu.resident").execute();

    assertThat(result.errorCodes()).contains("QUERY_TOO_COMPLEX");
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
