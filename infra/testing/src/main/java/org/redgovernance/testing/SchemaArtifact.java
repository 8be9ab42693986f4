package org.redgovernance.testing;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.introspection.IntrospectionQuery;
import graphql.schema.GraphQLSchema;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.DiffSet;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.reporting.CapturingReporter;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's schema as the artifact front-end teams build on: {@code schema.graphql} (one file,
 * types sorted, descriptions kept — what relay-compiler and graphql-codegen read) and {@code
 * introspection.json} (the standard introspection result), both in the repository and held equal to
 * the running schema by each service's build.
 *
 * <p>When the running schema differs, the build fails. The artifact is rewritten by running the
 * check with {@code -Drg.schema.write=true} — but only when every breaking change against the
 * committed schema (graphql-java's schema diff: a field, type, argument or enum value removed, a
 * type changed, an argument made required …) is declared in {@code SCHEMA-CHANGES.md} by its
 * coordinate in backticks, e.g. {@code `Matter.oldField`}, with what replaces it.
 */
public final class SchemaArtifact {

  /** Whether the check may rewrite the artifact (no undeclared breaking change). */
  public static final String WRITE = "rg.schema.write";

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private SchemaArtifact() {}

  /** The printed schema: sorted, with descriptions and deprecations. */
  public static String print(GraphQLSchema schema) {
    return new SchemaPrinter(
            SchemaPrinter.Options.defaultOptions()
                .includeScalarTypes(true)
                .includeSchemaDefinition(false)
                .includeDirectiveDefinitions(false)
                .includeIntrospectionTypes(false))
        .print(schema);
  }

  /** The standard introspection result of the schema, as JSON. */
  public static String introspection(GraphQLSchema schema) {
    ExecutionResult result =
        GraphQL.newGraphQL(schema).build().execute(IntrospectionQuery.INTROSPECTION_QUERY);
    if (!result.getErrors().isEmpty()) {
      throw new IllegalStateException("Introspection failed: " + result.getErrors());
    }
    return JSON.writeValueAsString(result.getData()) + "\n";
  }

  /**
   * The breaking changes from the committed schema to the running one that {@code changes} (the
   * text of SCHEMA-CHANGES.md) does not declare.
   */
  public static List<String> undeclaredBreakingChanges(
      String committed, GraphQLSchema running, String changes) {
    GraphQLSchema before =
        UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(committed));
    CapturingReporter reporter = new CapturingReporter();
    new SchemaDiff().diffSchema(DiffSet.diffSet(before, running), reporter);
    return reporter.getBreakages().stream()
        .filter(breakage -> !changes.contains("`" + coordinate(breakage) + "`"))
        .map(breakage -> coordinate(breakage) + ": " + breakage.getReasonMsg())
        .distinct()
        .toList();
  }

  private static String coordinate(DiffEvent breakage) {
    return breakage.getFieldName() == null
        ? breakage.getTypeName()
        : breakage.getTypeName() + "." + breakage.getFieldName();
  }

  /**
   * Holds {@code folder}'s artifact to the running schema, rewriting it when asked ({@value
   * #WRITE}) and allowed; throws {@link AssertionError} otherwise.
   */
  public static void verify(GraphQLSchema running, Path folder, Path changesFile) {
    String printed = print(running);
    String introspected = introspection(running);
    Path schemaFile = folder.resolve("schema.graphql");
    Path introspectionFile = folder.resolve("introspection.json");
    String committed = read(schemaFile);
    if (printed.equals(committed) && introspected.equals(read(introspectionFile))) {
      return;
    }
    List<String> undeclared =
        committed.isEmpty()
            ? List.of()
            : undeclaredBreakingChanges(committed, running, read(changesFile));
    if (Boolean.getBoolean(WRITE) && undeclared.isEmpty()) {
      try {
        Files.createDirectories(folder);
        Files.writeString(schemaFile, printed, StandardCharsets.UTF_8);
        Files.writeString(introspectionFile, introspected, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    throw new AssertionError(
        schemaFile
            + " is not the running schema."
            + (undeclared.isEmpty()
                ? " Rewrite it with -D" + WRITE + "=true and commit it."
                : " Breaking changes not declared in "
                    + changesFile.getFileName()
                    + " (name each in backticks there, with what replaces it, then rewrite with -D"
                    + WRITE
                    + "=true): "
                    + undeclared));
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
