package org.redgovernance.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server for the dev stack and the tests, started from the binaries on the
 * classpath (no Docker here). It bootstraps what a DBA would in production — the three roles and
 * the database — and applies the schema migrations as the owner.
 *
 * <p>Passwords are fixed dev values: this server binds to 127.0.0.1 only.
 */
public final class LocalPostgres implements AutoCloseable {

  public static final String OWNER_PASSWORD = "rg-owner-dev";
  public static final String API_PASSWORD = "rg-api-dev";
  public static final String ADMIN_PASSWORD = "rg-admin-dev";

  private final EmbeddedPostgres server;

  private LocalPostgres(EmbeddedPostgres server) {
    this.server = server;
  }

  /**
   * Starts a server. With a data directory the data survives restarts; without one the server is
   * throwaway. Port 0 picks a free port.
   */
  public static LocalPostgres start(Path dataDirectory, int port) {
    return start(dataDirectory, port, Map.of());
  }

  /** As {@link #start(Path, int)}, with further server settings (e.g. for the benchmark). */
  public static LocalPostgres start(Path dataDirectory, int port, Map<String, String> settings) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "200");
      settings.forEach(builder::setServerConfig);
      if (dataDirectory != null) {
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      LocalPostgres postgres = new LocalPostgres(builder.start());
      postgres.bootstrap();
      try (Connection owner = postgres.connect(DatabaseRoles.OWNER, OWNER_PASSWORD)) {
        SchemaMigrations.apply(owner);
      }
      return postgres;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("Could not start the local PostgreSQL server", e);
    }
  }

  public int port() {
    return server.getPort();
  }

  /** JDBC URL of the platform's database. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DatabaseRoles.DATABASE;
  }

  /** A connection as one of the platform roles, with its dev password. */
  public Connection connect(String role, String password) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), role, password);
  }

  public Connection connectAsOwner() throws SQLException {
    return connect(DatabaseRoles.OWNER, OWNER_PASSWORD);
  }

  public Connection connectAsApi() throws SQLException {
    return connect(DatabaseRoles.API, API_PASSWORD);
  }

  public Connection connectAsAdmin() throws SQLException {
    return connect(DatabaseRoles.ADMIN, ADMIN_PASSWORD);
  }

  /** The server's superuser on the platform's database: for tools (extensions, statistics). */
  public Connection connectAsSuperuser() throws SQLException {
    return server.getDatabase("postgres", DatabaseRoles.DATABASE).getConnection();
  }

  /** What infra/deploy/postgres/bootstrap-roles.sql does in production, idempotently. */
  private void bootstrap() throws SQLException {
    try (Connection su = server.getPostgresDatabase().getConnection();
        Statement sql = su.createStatement()) {
      createRole(sql, DatabaseRoles.OWNER, OWNER_PASSWORD);
      createRole(sql, DatabaseRoles.API, API_PASSWORD);
      createRole(sql, DatabaseRoles.ADMIN, ADMIN_PASSWORD);
      var exists =
          sql.executeQuery(
              "SELECT 1 FROM pg_database WHERE datname = '" + DatabaseRoles.DATABASE + "'");
      if (!exists.next()) {
        sql.execute("CREATE DATABASE " + DatabaseRoles.DATABASE + " OWNER " + DatabaseRoles.OWNER);
      }
    }
  }

  private static void createRole(Statement sql, String role, String password) throws SQLException {
    var exists = sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'");
    if (!exists.next()) {
      sql.execute(
          "CREATE ROLE "
              + role
              + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '"
              + password
              + "'");
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new IllegalStateException("Could not stop the local PostgreSQL server", e);
    }
  }
}
