package org.redgovernance.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The street office console's GraphQL operations are typed from the printed schemas, and every
 * screen is type-checked against them: graphql-codegen turns {@code tenant-admin/schema} and {@code
 * platform-api/schema} with the console's documents into TypeScript types, and tsc checks the
 * console's plain JavaScript modules (their JSDoc names the operations) with those types. A screen
 * that reads a field its document does not select, or that the schema no longer has, or sends a
 * variable of the wrong shape, fails the build. What it writes to {@code target/console-types/}
 * (types and a {@code tsconfig.json}) is also what an editor can be pointed at.
 */
class ConsoleOperationsTests {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Path CONSOLE = ROOT.resolve("tenant-admin/src/main/resources/console");
  private static final Path LOGIN = ROOT.resolve("infra/graphql/src/main/resources/rg-web");
  private static final Path WORK = Path.of("target/console-types").toAbsolutePath();

  /** The services the console calls, each with its printed schema and its documents' folder. */
  private enum Service {
    ADMIN("Admin", "tenant-admin/schema/schema.graphql", "admin"),
    PLATFORM("Platform", "platform-api/schema/schema.graphql", "platform");

    final String module;
    final Path schema;
    final Path documents;

    Service(String module, String schema, String documents) {
      this.module = module;
      this.schema = ROOT.resolve(schema);
      this.documents = CONSOLE.resolve("documents").resolve(documents);
    }
  }

  private static final Pattern OPERATION =
      Pattern.compile("^(query|mutation|subscription)\\s+(\\w+)", Pattern.MULTILINE);

  @BeforeAll
  static void generateTheOperationsTypes() throws Exception {
    FrontEndTools.install();
    Files.createDirectories(WORK);
    StringBuilder generates = new StringBuilder();
    for (Service service : Service.values()) {
      if (!generates.isEmpty()) {
        generates.append(",\n");
      }
      generates.append(
          """
          "%s": {"schema": "%s", "documents": ["%s/*.graphql"],
                 "plugins": ["typescript", "typescript-operations"],
                 "config": {"enumsAsTypes": true, "avoidOptionals": {"field": true},
                            "scalars": {"DateTime": "string", "Date": "string", "ID": "string"}}}"""
              .formatted(
                  WORK.resolve(service.module.toLowerCase() + ".ts"),
                  service.schema,
                  service.documents));
    }
    Path config = WORK.resolve("codegen.json");
    Files.writeString(config, "{\"generates\": {\n" + generates + "\n}}\n");
    FrontEndTools.run(
        FrontEndTools.FOLDER, FrontEndTools.tool("graphql-codegen"), "--config", config.toString());
    Files.writeString(WORK.resolve("operations.d.ts"), operations());
    Files.writeString(
        WORK.resolve("globals.d.ts"),
        "// ECharts and graphql-ws, loaded by their own script tags\n"
            + "declare const echarts: any;\ndeclare const graphqlWs: any;\n");
    Files.writeString(
        WORK.resolve("tsconfig.json"),
        """
        {"compilerOptions": {"allowJs": true, "checkJs": true, "noEmit": true,
          "target": "es2022", "module": "es2022", "moduleResolution": "bundler",
          "lib": ["es2022", "dom", "dom.iterable"], "skipLibCheck": true, "types": [],
          "baseUrl": ".", "paths": {"console-operations": ["./operations.d.ts"]}},
         "include": ["src/*.js", "globals.d.ts"]}
        """);
  }

  @Test
  void everyScreen_typeChecks_againstTheOperationsOfThePrintedSchemas() throws Exception {
    Path sources = copyOfTheConsole("checked");

    FrontEndTools.Outcome checked = typeCheck(sources);

    assertThat(checked.exitValue()).as(checked.output()).isZero();
  }

  @Test
  void aScreenReadingAFieldItsDocumentDoesNotSelect_failsTheCheck() throws Exception {
    Path sources = copyOfTheConsole("broken");
    Path registry = sources.resolve("src/communities.js");
    String screen = Files.readString(registry);
    assertThat(screen).contains("community.statusReason ||");
    Files.writeString(
        registry, screen.replace("community.statusReason ||", "community.statusNote ||"));

    FrontEndTools.Outcome checked = typeCheck(sources);

    assertThat(checked.exitValue()).isNotZero();
    assertThat(checked.output()).contains("communities.js").contains("'statusNote' does not exist");
  }

  /**
   * The operations by name, each with its variables' and its result's types: what the console's
   * {@code platform(name, variables)} and {@code admin(name, variables)} are typed with.
   */
  private static String operations() throws Exception {
    List<String> lines = new ArrayList<>();
    for (Service service : Service.values()) {
      lines.add(
          "import type * as %s from './%s';"
              .formatted(service.module, service.module.toLowerCase()));
    }
    for (Service service : Service.values()) {
      lines.add("export interface %sOperations {".formatted(service.module));
      try (Stream<Path> documents = Files.list(service.documents)) {
        for (Path document : documents.sorted().toList()) {
          Matcher operation = OPERATION.matcher(Files.readString(document));
          assertThat(operation.find()).as("%s names its operation", document).isTrue();
          String name = operation.group(2);
          String kind =
              Character.toUpperCase(operation.group(1).charAt(0)) + operation.group(1).substring(1);
          assertThat(document.getFileName().toString()).isEqualTo(name + ".graphql");
          lines.add(
              "  %s: { variables: %s.%s%sVariables; result: %s.%s%s };"
                  .formatted(name, service.module, name, kind, service.module, name, kind));
        }
      }
      lines.add("}");
    }
    lines.add("export type Viewer = NonNullable<Platform.ViewerQuery['viewer']>;");
    lines.add("export type RolloutStage = Platform.RolloutStage;");
    lines.add(
        "/** What node(id:) answers, narrowed to the type the operation's document selects. */");
    lines.add(
        "export type NodeOf<N extends keyof PlatformOperations, T extends string> ="
            + " Extract<NonNullable<PlatformOperations[N]['result']['node']>, { __typename?: T }>;");
    return String.join("\n", lines) + "\n";
  }

  /** The console's modules and the shared login, as the page loads them, in a folder of WORK. */
  private static Path copyOfTheConsole(String name) throws Exception {
    Path sources = WORK.resolve(name);
    Path library = Files.createDirectories(sources.resolve("src/lib"));
    try (Stream<Path> modules = Files.list(CONSOLE)) {
      for (Path module : modules.filter(p -> p.toString().endsWith(".js")).toList()) {
        Files.copy(
            module,
            sources.resolve("src").resolve(module.getFileName()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.copy(
        LOGIN.resolve("oidc-pkce.js"),
        library.resolve("oidc-pkce.js"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    for (String file :
        List.of("tsconfig.json", "globals.d.ts", "operations.d.ts", "admin.ts", "platform.ts")) {
      Files.copy(
          WORK.resolve(file),
          sources.resolve(file),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return sources;
  }

  private static FrontEndTools.Outcome typeCheck(Path sources) throws Exception {
    return FrontEndTools.attempt(
        sources, FrontEndTools.tool("tsc"), "-p", sources.resolve("tsconfig.json").toString());
  }
}
