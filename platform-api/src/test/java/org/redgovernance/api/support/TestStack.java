package org.redgovernance.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.redgovernance.database.DemoData;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.keycloak.KeycloakServer;
import org.redgovernance.keycloak.RealmDefinition;

/**
 * The real PostgreSQL and the real Keycloak, started once per test JVM (one per build of this
 * module) and shared by every integration test class, then stopped when the JVM exits.
 */
public final class TestStack {

  private static TestStack instance;

  private final LocalPostgres postgres;
  private final KeycloakServer keycloak;

  private TestStack(LocalPostgres postgres, KeycloakServer keycloak) {
    this.postgres = postgres;
    this.keycloak = keycloak;
  }

  public static synchronized TestStack get() {
    if (instance == null) {
      LocalPostgres postgres = LocalPostgres.start(null, 0);
      try (Connection owner = postgres.connectAsOwner()) {
        DemoData.load(owner);
      } catch (SQLException e) {
        postgres.close();
        throw new IllegalStateException("Could not load the demo data", e);
      }
      String home = System.getProperty("rg.keycloak.home");
      if (home == null) {
        postgres.close();
        throw new IllegalStateException(
            "System property rg.keycloak.home is not set; run the tests through Maven");
      }
      KeycloakServer keycloak;
      try {
        keycloak =
            KeycloakServer.start(
                Path.of(home),
                freePort(),
                freePort(),
                RealmDefinition.toJson(RealmDefinition.dev()),
                null);
      } catch (RuntimeException e) {
        postgres.close();
        throw e;
      }
      instance = new TestStack(postgres, keycloak);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    keycloak.close();
                    postgres.close();
                  }));
    }
    return instance;
  }

  public LocalPostgres postgres() {
    return postgres;
  }

  public KeycloakServer keycloak() {
    return keycloak;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
