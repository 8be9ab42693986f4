package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redgovernance.api.support.DevModeTest;
import org.redgovernance.testing.GraphQlResult;

/**
 * Where introspection is on (the dev profile), the tools front-end teams use get the schema: the
 * exact query text graphql-js 16 and 17 produce with {@code getIntrospectionQuery()} — what
 * GraphiQL, graphql-codegen and graphql-inspector send — passes every limit, while introspection
 * that nests deeper than its own limit, or asks for fields inside fields, is still refused.
 */
class IntrospectionIntegrationTests extends DevModeTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"graphql-js-16-and-17", "graphql-js-16-and-17-every-option"})
  void theStandardIntrospectionQuery_passesEveryLimit(String version) throws IOException {
    GraphQlResult result = graphql.query(text(version)).as("baiguoshu.resident").execute();

    assertThat(result.hasErrors()).as(result.toString()).isFalse();
    assertThat(result.data("__schema.types").size()).isGreaterThan(100);
    assertThat(result.data("__schema.queryType.name").asString()).isEqualTo("Query");
    assertThat(result.data("__schema.types").toString()).contains("\"Matter\"", "\"Household\"");
  }

  @Test
  void introspectionNestedBeyondItsLimit_orFieldsInsideFields_isRefused() {
    String deep =
        "{ __type(name: \"Matter\") { "
            + "ofType { ".repeat(20)
            + "name"
            + " }".repeat(20)
            + " } }";
    GraphQlResult tooDeep = graphql.query(deep).as("baiguoshu.resident").execute();
    assertThat(tooDeep.errorCodes()).contains("QUERY_TOO_COMPLEX");

    GraphQlResult badFaith =
        graphql
            .query(
                "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }")
            .as("baiguoshu.resident")
            .execute();
    assertThat(badFaith.hasErrors()).isTrue();
    assertThat(
            badFaith.body().path("data").path("__schema").isMissingNode()
                || badFaith.body().path("data").path("__schema").isNull())
        .as(badFaith.toString())
        .isTrue();
  }

  @Test
  void aDataQueryMixedWithIntrospection_keepsTheDataLimits() {
    String deep =
        "{ __typename community(key: \"baiguoshu\") { households { edges { node { residents {"
            + " household { residents { household { residents { household { residents { id } } } }"
            + " } } } } } } } }";
    GraphQlResult result = graphql.query(deep).as("baiguoshu.admin").execute();
    assertThat(result.errorCodes()).contains("QUERY_TOO_COMPLEX");
  }

  private static String text(String version) throws IOException {
    try (InputStream in =
        IntrospectionIntegrationTests.class.getResourceAsStream(
            "/introspection/" + version + ".graphql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
