package org.redgovernance.testing;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

/** What the documentation check counts as undocumented, on a small schema. */
class SchemaDocumentationTests {

  @Test
  void everyKindOfElement_withoutADescription_isListedByItsCoordinate() {
    var schema =
        UnExecutableSchemaGenerator.makeUnExecutableSchema(
            new SchemaParser()
                .parse(
                    """
                    "Documented."
                    type Query {
                      "Documented."
                      a("Documented." x: Int, y: Int): String
                      b(input: In): Kind
                    }
                    input In { z: Int }
                    "Documented."
                    enum Kind { "Documented." ONE TWO }
                    """));

    assertThat(SchemaDocumentation.undocumented(schema))
        .containsExactlyInAnyOrder(
            "Query.a(y:)", "Query.b", "Query.b(input:)", "In", "In.z", "Kind.TWO");
  }
}
