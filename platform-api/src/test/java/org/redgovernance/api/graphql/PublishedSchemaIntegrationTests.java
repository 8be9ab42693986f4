package org.redgovernance.api.graphql;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.SchemaArtifact;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * {@code platform-api/schema/schema.graphql} and {@code introspection.json} are the running schema,
 * and no breaking change reaches them unless {@code SCHEMA-CHANGES.md} declares it ({@link
 * SchemaArtifact}; rewrite with {@code -Drg.schema.write=true}).
 */
class PublishedSchemaIntegrationTests extends IntegrationTest {

  @Autowired GraphQlSource graphQlSource;

  @Test
  void theCommittedSchema_isTheRunningSchema() {
    SchemaArtifact.verify(
        graphQlSource.schema(), Path.of("schema"), Path.of("..", "SCHEMA-CHANGES.md"));
  }
}
