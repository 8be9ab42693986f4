package org.redgovernance.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real Keycloak server distribution (unpacked by the build from Maven Central) as a child
 * process bound to 127.0.0.1, with the realm imported, and waits until the realm answers. Used by
 * the dev stack and by the integration tests, which start one per build.
 */
public final class KeycloakServer implements AutoCloseable {

  /** The dev stack's port; tests pick their own so that both can run at once. */
  public static final int DEFAULT_PORT = 8180;

  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

  private final Process process;
  private final int port;
  private final Path log;

  private KeycloakServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts Keycloak.
   *
   * @param home the unpacked distribution (system property {@code rg.keycloak.home} in tests)
   * @param port HTTP port on 127.0.0.1
   * @param managementPort port of the health endpoints
   * @param realmJson the realm to import (see {@link RealmDefinition})
   * @param databaseDirectory where Keycloak keeps its H2 database across restarts, or {@code null}
   *     for an in-memory database that starts from the realm file every time
   */
  public static KeycloakServer start(
      Path home, int port, int managementPort, String realmJson, Path databaseDirectory) {
    Path launcher = home.resolve("bin/kc.sh");
    if (!Files.isRegularFile(launcher)) {
      throw new IllegalStateException(
          "No Keycloak distribution at "
              + home
              + ": build it with ./mvnw -pl infra/keycloak package (it unpacks the server)");
    }
    try {
      Path imports = home.resolve("data/import");
      Files.createDirectories(imports);
      Files.writeString(imports.resolve(RealmDefinition.REALM + "-realm.json"), realmJson);
      Path log = Files.createTempFile("keycloak-" + port + "-", ".log");

      String origin = "http://127.0.0.1:" + port;
      List<String> command = new ArrayList<>();
      command.addAll(
          List.of(
              "/bin/sh",
              launcher.toString(),
              "start-dev",
              "--import-realm",
              "--http-host=127.0.0.1",
              "--http-port=" + port,
              "--http-management-port=" + managementPort,
              "--hostname=" + origin,
              "--health-enabled=true",
              "--cache=local"));
      if (databaseDirectory == null) {
        command.add("--db=dev-mem");
      } else {
        Files.createDirectories(databaseDirectory);
        command.add("--db=dev-file");
        command.add(
            "--db-url=jdbc:h2:file:"
                + databaseDirectory.toAbsolutePath().resolve("keycloakdb")
                + ";NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE");
      }
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().putIfAbsent("JAVA_OPTS_APPEND", "-Xms64m -Xmx768m");
      KeycloakServer server = new KeycloakServer(builder.start(), port, log);
      server.awaitRealm();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start Keycloak", e);
    }
  }

  /** The token issuer, as services must configure it. */
  public String issuer() {
    return "http://127.0.0.1:" + port + "/realms/" + RealmDefinition.REALM;
  }

  public String tokenEndpoint() {
    return issuer() + "/protocol/openid-connect/token";
  }

  public int port() {
    return port;
  }

  public Path log() {
    return log;
  }

  private void awaitRealm() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak exited with " + process.exitValue() + " while starting; see " + log);
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
      }
      sleep(Duration.ofMillis(500));
    }
    close();
    throw new IllegalStateException(
        "Keycloak did not serve realm " + RealmDefinition.REALM + " in time; see " + log);
  }

  /** Stops the server and every process it started, gently first. */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        tree.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      tree.forEach(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
