package org.redgovernance.admin.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.SchemaDocumentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Every type, field, argument, input field and enum value of tenant-admin's schema is documented:
 * the street office's and console developers' reference is the schema itself.
 */
class SchemaDocumentationIntegrationTests extends TenantAdminTest {

  @Autowired GraphQlSource graphQlSource;

  @Test
  void everyElementOfTheSchema_isDocumented() {
    assertThat(SchemaDocumentation.undocumented(graphQlSource.schema())).isEmpty();
  }
}
