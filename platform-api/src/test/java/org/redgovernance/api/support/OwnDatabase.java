package org.redgovernance.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.redgovernance.database.DemoData;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.database.PersonalDataCipher;
import org.redgovernance.keycloak.RealmDefinition;

/**
 * A PostgreSQL of a test's own, with the demo communities and the demo users' roles, for a test
 * that stops the database or lets instances' jobs loose on it without disturbing the other tests.
 */
public final class OwnDatabase implements AutoCloseable {

  private final Path data;
  private final int port;
  private final String personalDataKey;
  private LocalPostgres postgres;

  private OwnDatabase(Path data, int port, String personalDataKey, LocalPostgres postgres) {
    this.data = data;
    this.port = port;
    this.personalDataKey = personalDataKey;
    this.postgres = postgres;
  }

  /** A new database on a free port, with the demo data loaded. */
  public static OwnDatabase withDemoData() throws SQLException {
    return withDemoData(java.util.Map.of());
  }

  /** A new database on a free port with these server settings, with the demo data loaded. */
  public static OwnDatabase withDemoData(java.util.Map<String, String> settings)
      throws SQLException {
    try {
      Path data = Files.createTempDirectory("rg-own-db-");
      int port = freePort();
      LocalPostgres postgres = LocalPostgres.start(data.resolve("pg"), port, settings);
      String key = PersonalDataCipher.generateKey();
      try (Connection owner = postgres.connectAsOwner()) {
        DemoData.load(owner, PersonalDataCipher.fromBase64(key));
        DemoData.holdRoles(
            owner,
            RealmDefinition.demoCommunityRoles().stream()
                .map(m -> new String[] {m.userId(), m.communityKey(), m.role()})
                .toList());
      }
      return new OwnDatabase(data, port, key, postgres);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's data directory. */
  public Path dataDirectory() {
    return data.resolve("pg");
  }

  public String jdbcUrl() {
    return postgres.jdbcUrl();
  }

  /** The key the demo's personal data is encrypted with here. */
  public String personalDataKey() {
    return personalDataKey;
  }

  /** A platform-api instance on this database, with these settings changed. */
  public SeparateInstance instance(java.util.Map<String, String> changed) {
    return SeparateInstance.start(jdbcUrl(), personalDataKey, changed);
  }

  public Connection connectAsSuperuser() throws SQLException {
    return postgres.connectAsSuperuser();
  }

  /** Stops the server, as a crash or a restart of its host would. */
  public void stop() {
    postgres.close();
  }

  /** Starts the server again on the same port and data. */
  public void startAgain() {
    postgres = LocalPostgres.start(data.resolve("pg"), port);
  }

  @Override
  public void close() {
    postgres.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
