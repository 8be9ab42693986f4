package org.redgovernance.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redgovernance.testing.Tokens;

/**
 * The tools a front-end team points at the platform work with it as they come: graphql-codegen and
 * graphql-inspector against the live dev URL with their default introspection query, relay-compiler
 * against the published {@code schema.graphql} with the reference app's documents. The tools are
 * the versions locked in {@code infra/reference-app/tools} (npm registry, installed here once).
 */
class FrontEndToolsEndToEndTests {

  private static final Path TOOLS = FrontEndTools.FOLDER;
  private static final Path DOCUMENTS =
      Path.of("../reference-app/src/main/resources/reference-app/documents")
          .toAbsolutePath()
          .normalize();
  private static final Path SCHEMA =
      Path.of("../../platform-api/schema/schema.graphql").toAbsolutePath().normalize();
  private static final Path WORK = Path.of("target/front-end-tools").toAbsolutePath();

  private static String url;
  private static String token;

  @BeforeAll
  static void toolsAndADevApi() throws Exception {
    FrontEndTools.install();
    url = "http://127.0.0.1:" + Platform.devApiPort() + "/graphql";
    token = Tokens.of("baiguoshu.admin");
    Files.createDirectories(WORK);
  }

  @Test
  void graphqlCodegen_generatesTypesFromTheLiveUrl() throws Exception {
    Path config = WORK.resolve("codegen.json");
    Files.writeString(
        config,
        """
        {"schema": [{"%s": {"headers": {"Authorization": "Bearer %s"}}}],
         "documents": ["%s/*.graphql"],
         "generates": {"%s": {"plugins": ["typescript", "typescript-operations"]}}}
        """
            .formatted(url, token, DOCUMENTS, WORK.resolve("graphql.ts")));

    // from the tools folder: codegen finds its plugins from where it runs
    run(TOOLS, tool("graphql-codegen"), "--config", config.toString());

    assertThat(Files.readString(WORK.resolve("graphql.ts")))
        .contains(
            "export type BoardQueryQuery = ", "export type NoticeEventsSubscriptionSubscription = ")
        .contains("signedUrl: string");
  }

  @Test
  void graphqlInspector_readsTheLiveSchema_whichIsThePublishedOne() throws Exception {
    Path live = WORK.resolve("live.graphql");
    run(
        WORK,
        tool("graphql-inspector"),
        "introspect",
        url,
        "--header",
        "Authorization: Bearer " + token,
        "--write",
        live.toString());
    run(WORK, tool("graphql-inspector"), "validate", DOCUMENTS + "/*.graphql", live.toString());

    String diff =
        output(WORK, tool("graphql-inspector"), "diff", SCHEMA.toString(), live.toString());
    List<String> changes =
        diff.lines().filter(line -> line.contains("✖") || line.contains("⚠")).toList();
    // graphql-js's default introspection query leaves deprecated input fields out: all one sees
    assertThat(changes).allMatch(line -> line.contains("(deprecated) was removed"));
  }

  @Test
  void relayCompiler_compilesTheReferenceAppsDocuments_againstThePublishedSchema()
      throws Exception {
    Path relay = WORK.resolve("relay");
    Path sources = Files.createDirectories(relay.resolve("src"));
    Files.createDirectories(relay.resolve("generated"));
    try (Stream<Path> documents = Files.list(DOCUMENTS)) {
      for (Path document : documents.toList()) {
        String name = document.getFileName().toString().replace(".graphql", ".js");
        Files.writeString(
            sources.resolve(name),
            "graphql`\n" + Files.readString(document) + "`;\n",
            StandardCharsets.UTF_8);
      }
    }
    Files.writeString(
        relay.resolve("relay.config.json"),
        """
        {"src": "./src", "schema": "%s", "language": "javascript",
         "artifactDirectory": "./generated"}
        """
            .formatted(SCHEMA));

    run(relay, tool("relay-compiler"));

    try (Stream<Path> generated = Files.list(relay.resolve("generated"))) {
      assertThat(generated.map(p -> p.getFileName().toString()).toList())
          .contains("BoardQuery.graphql.js", "NoticeEventsSubscription.graphql.js");
    }
  }

  private static String tool(String name) {
    return FrontEndTools.tool(name);
  }

  private static void run(Path directory, String... command) throws Exception {
    FrontEndTools.run(directory, command);
  }

  /** The output of a command that may end with a failure (a diff that finds differences). */
  private static String output(Path directory, String... command) throws Exception {
    return FrontEndTools.attempt(directory, command).output();
  }
}
