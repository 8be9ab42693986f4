package org.redgovernance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redgovernance.database.SchemaMigrations;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Compose file of a one-host installation (infra/deploy/compose): dclint finds it valid against
 * the Compose specification's schema and without a lint warning; it runs the images this build
 * makes, migrates before either service starts, and publishes nothing beyond the host's loopback.
 */
class ComposeFileTests {

  private static final Path ROOT = Path.of(System.getProperty("rg.root", "../.."));
  private static final Path COMPOSE = ROOT.resolve("infra/deploy/compose/compose.yaml");

  @Test
  void dclintFindsTheFileValidAndClean() throws Exception {
    Lint lint = lint(COMPOSE);
    assertThat(lint.exitCode()).as(lint.output()).isZero();
    assertThat(lint.output()).doesNotContain("warning", "error");
  }

  @Test
  void dclintRefusesAKeyTheSpecificationDoesNotHave(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("compose.yaml");
    Files.writeString(
        broken,
        Files.readString(COMPOSE).replace("restart: unless-stopped", "restrat: unless-stopped"));
    Lint lint = lint(broken);
    assertThat(lint.exitCode()).isNotZero();
    assertThat(lint.output()).contains("must NOT have additional properties");
  }

  @Test
  void theServicesRunThisBuildsImagesAfterTheMigration() throws IOException {
    Map<String, Object> services = Nodes.map(compose(), "services");
    String version = System.getProperty("rg.project.version");
    for (String service : List.of("platform-api", "tenant-admin")) {
      assertThat(Nodes.string(services, service, "image"))
          .isEqualTo("red-governance/" + service + ":" + version);
      assertThat(Nodes.string(services, service, "depends_on", "migrate", "condition"))
          .isEqualTo("service_completed_successfully");
    }
    assertThat(Nodes.string(services, "migrate", "image"))
        .isEqualTo("red-governance/platform-api:" + version);
    assertThat(Nodes.list(services, "migrate", "entrypoint"))
        .contains(SchemaMigrations.class.getName());
  }

  @Test
  void nothingIsPublishedBeyondTheHostsLoopback() throws IOException {
    Map<String, Object> services = Nodes.map(compose(), "services");
    services.forEach(
        (name, service) -> {
          for (Object port : Nodes.list(service, "ports")) {
            assertThat(port.toString()).as(name).startsWith("127.0.0.1:");
          }
        });
  }

  private static Map<String, Object> compose() throws IOException {
    try (Reader reader = Files.newBufferedReader(COMPOSE)) {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    }
  }

  private record Lint(int exitCode, String output) {}

  /** dclint (installed by the build's npm ci in infra/deploy/tools) on this file. */
  private static Lint lint(Path file) throws IOException, InterruptedException {
    Path dclint = ROOT.resolve("infra/deploy/tools/node_modules/.bin/dclint");
    assertThat(dclint).as("npm ci in infra/deploy/tools (the build's deploy-tools step)").exists();
    Process process =
        new ProcessBuilder(
                dclint.toString(), file.toString(), "--color", "false", "--max-warnings", "0")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Lint(process.waitFor(), output);
  }
}
