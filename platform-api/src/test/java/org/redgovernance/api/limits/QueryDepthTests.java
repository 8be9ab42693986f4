package org.redgovernance.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

/**
 * The depth limit on a schema with a cycle (today's API schema has none deep enough to reach the
 * limit, later features will).
 */
class QueryDepthTests {

  private final GraphQL graphQL =
      GraphQL.newGraphQL(
              new SchemaGenerator()
                  .makeExecutableSchema(
                      new SchemaParser()
                          .parse(
                              "type Query { me: Person } type Person { name: String friend: Person }"),
                      RuntimeWiring.newRuntimeWiring().build()))
          .instrumentation(new LimitsConfiguration().maxDepth(3, 20, new SettledLimits(10)))
          .build();

  @Test
  void aDocumentWithinTheDepthLimit_runs() {
    ExecutionResult result = graphQL.execute("{ me { friend { name } } }");

    assertThat(result.getErrors()).isEmpty();
  }

  @Test
  void aDocumentDeeperThanTheLimit_isRefusedWithACode_everyTime() {
    for (int round = 0; round < 2; round++) {
      ExecutionResult result = graphQL.execute("{ me { friend { friend { friend { name } } } } }");

      assertThat(result.getErrors()).hasSize(1);
      assertThat(result.getErrors().get(0).getExtensions())
          .containsEntry("code", "QUERY_TOO_COMPLEX");
      assertThat(result.getData() == null).isTrue();
    }
  }
}
