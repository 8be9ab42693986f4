package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.SchemaDocumentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Every type, field, argument, input field and enum value of platform-api's schema is documented:
 * front-end teams read the schema in GraphiQL and in their generated clients, not in our code.
 */
class SchemaDocumentationIntegrationTests extends IntegrationTest {

  @Autowired GraphQlSource graphQlSource;

  @Test
  void everyElementOfTheSchema_isDocumented() {
    assertThat(SchemaDocumentation.undocumented(graphQlSource.schema())).isEmpty();
  }
}
