package org.redgovernance.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema artifact check on small schemas: what it lets through, what it refuses, and when it
 * may rewrite the committed files.
 */
class SchemaArtifactTests {

  private static final String BEFORE =
      """
      "The root."
      type Query {
        "Kept."
        kept: String
        "Removed later."
        removed: Int
      }
      """;

  private static GraphQLSchema schema(String text) {
    return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(text));
  }

  @Test
  void aRemovedField_isABreakingChange_untilSchemaChangesNamesIt() {
    GraphQLSchema after =
        schema(
            """
            "The root."
            type Query {
              "Kept."
              kept: String
            }
            """);

    assertThat(SchemaArtifact.undeclaredBreakingChanges(BEFORE, after, "# nothing declared"))
        .singleElement()
        .asString()
        .startsWith("Query.removed");
    assertThat(
            SchemaArtifact.undeclaredBreakingChanges(
                BEFORE, after, "- Breaking: `Query.removed` is gone; use `kept`."))
        .isEmpty();
  }

  @Test
  void anAddedFieldOrType_isNotBreaking() {
    GraphQLSchema after =
        schema(
            BEFORE.replace("removed: Int", "removed: Int\n  \"New.\"\n  added: Boolean")
                + "\n\"New.\"\ntype Extra { \"New.\" x: Int }\n");

    assertThat(SchemaArtifact.undeclaredBreakingChanges(BEFORE, after, "")).isEmpty();
  }

  @Test
  void theCheck_failsOnADifferentSchema_andRewritesOnlyWhenAskedAndDeclared(@TempDir Path folder)
      throws Exception {
    Path changes = folder.resolve("SCHEMA-CHANGES.md");
    Files.writeString(changes, "# none");
    GraphQLSchema before = schema(BEFORE);
    System.setProperty(SchemaArtifact.WRITE, "true");
    try {
      SchemaArtifact.verify(before, folder, changes);
    } finally {
      System.clearProperty(SchemaArtifact.WRITE);
    }
    assertThat(folder.resolve("schema.graphql")).content().contains("removed: Int", "\"Kept.\"");
    assertThat(folder.resolve("introspection.json")).content().contains("\"__schema\"");
    SchemaArtifact.verify(before, folder, changes);

    GraphQLSchema after = schema(BEFORE.replace("  \"Removed later.\"\n  removed: Int\n", ""));
    assertThatThrownBy(() -> SchemaArtifact.verify(after, folder, changes))
        .hasMessageContaining("Query.removed");
    System.setProperty(SchemaArtifact.WRITE, "true");
    try {
      assertThatThrownBy(() -> SchemaArtifact.verify(after, folder, changes))
          .hasMessageContaining("not declared");
      Files.writeString(changes, "- `Query.removed` removed");
      SchemaArtifact.verify(after, folder, changes);
    } finally {
      System.clearProperty(SchemaArtifact.WRITE);
    }
    assertThat(folder.resolve("schema.graphql")).content().doesNotContain("removed");
  }
}
