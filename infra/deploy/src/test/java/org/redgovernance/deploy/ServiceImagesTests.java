package org.redgovernance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redgovernance.database.DatabaseRoles;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.TestStack;
import org.redgovernance.testing.TestStackInfo;

/**
 * The services' OCI images, built by the Maven build without a container engine (Jib on the base
 * image of infra/deploy/images/base-image): what they declare, and that each really runs its
 * service — started from the image's own file system, as its unprivileged user, against the build's
 * PostgreSQL and Keycloak — including the migration the Kubernetes Job runs.
 */
class ServiceImagesTests {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir static Path work;

  private static final Map<String, ServiceImage> IMAGES = new java.util.HashMap<>();

  /** The service's image, its archive opened once for the class. */
  private static synchronized ServiceImage image(String service) throws Exception {
    ServiceImage image = IMAGES.get(service);
    if (image == null) {
      image = ServiceImage.open(service, work);
      IMAGES.put(service, image);
    }
    return image;
  }

  @Test
  void eachImageRunsItsServiceAsTheUnprivilegedUserOnJava17() throws Exception {
    for (String service : List.of("platform-api", "tenant-admin")) {
      ServiceImage image = image(service);
      JsonObject config = image.runConfig();
      assertThat(config.get("User").getAsString()).isEqualTo("65532:65532");
      List<String> entrypoint = strings(config.getAsJsonArray("Entrypoint"));
      assertThat(entrypoint).startsWith("java").contains("-cp", "@/app/jib-classpath-file");
      assertThat(entrypoint.get(entrypoint.size() - 1))
          .isEqualTo(
              service.equals("platform-api")
                  ? "org.redgovernance.api.PlatformApiApplication"
                  : "org.redgovernance.admin.TenantAdminApplication");
      assertThat(strings(config.getAsJsonArray("Env")))
          .contains("JAVA_HOME=/opt/java", "LANG=C.UTF-8");
      assertThat(config.getAsJsonObject("ExposedPorts").keySet())
          .contains(service.equals("platform-api") ? "8080/tcp" : "8081/tcp");
      assertThat(
              config
                  .getAsJsonObject("Labels")
                  .get("org.opencontainers.image.version")
                  .getAsString())
          .isEqualTo(System.getProperty("rg.project.version"));
      assertThat(image.manifestMediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
      assertThat(image.layers()).hasSizeGreaterThan(1);
    }
  }

  @Test
  void noKeyOrSecretFileIsBakedIntoAnImage() throws Exception {
    for (String service : List.of("platform-api", "tenant-admin")) {
      ServiceImage image = image(service);
      List<String> files = new ArrayList<>();
      for (Path layer : image.layers()) {
        files.addAll(ServiceImage.files(layer));
      }
      assertThat(files).anyMatch(file -> file.endsWith("app/jib-classpath-file"));
      assertThat(files)
          .as(service + ": keys and passwords come from the environment, never from the image")
          .noneMatch(
              file ->
                  file.matches(
                      ".*(\\.key|\\.pem|\\.p12|\\.jks|/\\.env|personal-data.*|secret.*)$"));
    }
  }

  @Test
  void platformApiFromItsImageAnswersTheDemoAdmin() throws Exception {
    TestStackInfo stack = TestStack.get();
    int port = freePort();
    int management = freePort();
    Process process =
        serving(
            "platform-api",
            port,
            "/readyz",
            Map.of(
                "RG_MANAGEMENT_PORT", Integer.toString(management),
                "RG_DB_URL", stack.jdbcUrl(),
                "RG_DB_API_PASSWORD", LocalPostgres.API_PASSWORD,
                "RG_OIDC_ISSUER", stack.issuer(),
                "RG_PERSONAL_DATA_KEY", stack.personalDataKey(),
                "RG_ATTACHMENTS_DIR", "/tmp/attachments",
                "RG_METRICS_SNAPSHOTFIRST", "PT24H"));
    try {
      GraphQlResult answer =
          new GraphQlHttp(port)
              .query("{ community(key: \"baiguoshu\") { key } }")
              .as("baiguoshu.admin")
              .execute();
      assertThat(answer.data("community.key").asString())
          .as(answer.toString())
          .isEqualTo("baiguoshu");
      assertThat(get("http://127.0.0.1:" + management + "/actuator/prometheus").body())
          .contains("rg_graphql_operations_seconds");
    } finally {
      stop(process);
    }
  }

  @Test
  void tenantAdminFromItsImageIsReadyAndGuarded() throws Exception {
    TestStackInfo stack = TestStack.get();
    int port = freePort();
    int management = freePort();
    Process process =
        serving(
            "tenant-admin",
            port,
            "/actuator/health/readiness",
            Map.of(
                "RG_DB_URL",
                stack.jdbcUrl(),
                "RG_DB_ADMIN_PASSWORD",
                LocalPostgres.ADMIN_PASSWORD,
                "RG_OIDC_ISSUER",
                stack.issuer(),
                "RG_TENANT_ADMIN_CLIENT_SECRET",
                "rg-tenant-admin-dev-secret",
                "RG_MANAGEMENT_PORT",
                Integer.toString(management)));
    try {
      HttpResponse<String> anonymous =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{__typename}\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(get("http://127.0.0.1:" + management + "/actuator/prometheus").body())
          .contains("hikaricp_connections_max");
    } finally {
      stop(process);
    }
  }

  @Test
  void theMigrationJobsCommandRunsTheChangelogFromPlatformApisImage() throws Exception {
    TestStackInfo stack = TestStack.get();
    ServiceImage image = image("platform-api");
    Path rootfs = image.unpack(work.resolve("migration-rootfs"));
    Path log = work.resolve("migration.log");
    Process migration =
        image.start(
            rootfs,
            List.of(
                "java",
                "-cp",
                "@/app/jib-classpath-file",
                "org.redgovernance.database.SchemaMigrations"),
            Map.of(
                "RG_DB_URL", stack.jdbcUrl(),
                "RG_DB_OWNER_USER", DatabaseRoles.OWNER,
                "RG_DB_OWNER_PASSWORD", LocalPostgres.OWNER_PASSWORD),
            log);
    assertThat(migration.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(migration.exitValue()).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).contains("Total change sets");
  }

  /**
   * The service started from its image on {@code port} with {@code env}, once {@code readyPath}
   * answers 200 there.
   */
  private static Process serving(
      String service, int port, String readyPath, Map<String, String> env) throws Exception {
    ServiceImage image = image(service);
    Path rootfs = image.unpack(work.resolve(service + "-rootfs"));
    Path log = work.resolve(service + "-image.log");
    Map<String, String> settings = new HashMap<>(env);
    settings.put("SERVER_PORT", Integer.toString(port));
    Process process = image.start(rootfs, List.of(), settings, log);
    try {
      awaitStatus(process, "http://127.0.0.1:" + port + readyPath, 200, log);
      return process;
    } catch (Exception | Error notReady) {
      stop(process);
      throw notReady;
    }
  }

  private static void awaitStatus(Process process, String url, int status, Path log)
      throws Exception {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < giveUp) {
      if (!process.isAlive()) {
        throw new AssertionError("The service stopped: " + Files.readString(log));
      }
      try {
        if (get(url).statusCode() == status) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError(url + " did not answer " + status + ": " + Files.readString(log));
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Stops the service as a runtime does (SIGTERM), and waits for it. */
  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(40, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static List<String> strings(com.google.gson.JsonArray array) {
    List<String> strings = new ArrayList<>();
    for (JsonElement element : array) {
      strings.add(element.getAsString());
    }
    return strings;
  }
}
