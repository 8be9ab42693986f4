package org.redgovernance.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.Optional;
import org.redgovernance.database.DemoData;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.database.PersonalDataCipher;
import org.redgovernance.keycloak.KeycloakServer;
import org.redgovernance.keycloak.MailCatcher;
import org.redgovernance.keycloak.RealmDefinition;

/**
 * The process that holds the shared test servers: a throwaway PostgreSQL with the demo data and
 * Keycloak with the dev realm. It publishes where they are, then waits for the owning build to end
 * and stops both.
 *
 * <p>Arguments: {@code <owner pid> <state file> <keycloak home>}.
 */
public final class TestStackDaemon {

  private TestStackDaemon() {}

  public static void main(String[] args) throws Exception {
    long owner = Long.parseLong(args[0]);
    Path state = Path.of(args[1]);
    Path keycloakHome = Path.of(args[2]);

    String personalDataKey = PersonalDataCipher.generateKey();
    try (LocalPostgres postgres = LocalPostgres.start(null, 0)) {
      try (Connection connection = postgres.connectAsOwner()) {
        DemoData.load(connection, PersonalDataCipher.fromBase64(personalDataKey));
        // the role mirror tenant-admin would read from Keycloak, for platform-api's tests
        DemoData.holdRoles(
            connection,
            RealmDefinition.demoCommunityRoles().stream()
                .map(m -> new String[] {m.userId(), m.communityKey(), m.role()})
                .toList());
      }
      try (MailCatcher mail =
              // the tests read the mail from its folder; the build's log names no recipient and
              // shows no link, which carries an invitation code or a Keycloak action token
              MailCatcher.start(
                  0,
                  state.resolveSibling("mail-" + owner),
                  caught -> System.out.println("Mail caught"));
          KeycloakServer keycloak =
              KeycloakServer.start(
                  keycloakHome,
                  freePort(),
                  freePort(),
                  RealmDefinition.toJson(
                      RealmDefinition.withMailCatcher(RealmDefinition.dev(), mail.port())),
                  null)) {
        publish(
            state,
            new TestStackInfo(
                ProcessHandle.current().pid(),
                postgres.jdbcUrl(),
                keycloak.issuer(),
                keycloak.tokenEndpoint(),
                keycloak.port(),
                personalDataKey,
                mail.folder().toString(),
                mail.port()));
        System.out.println(
            "Test stack ready for build "
                + owner
                + ": "
                + postgres.jdbcUrl()
                + ", "
                + keycloak.issuer());
        Optional<ProcessHandle> build = ProcessHandle.of(owner);
        while (build.map(ProcessHandle::isAlive).orElse(false)) {
          Thread.sleep(1000);
        }
        System.out.println("Build " + owner + " ended; stopping the test stack");
      } finally {
        Files.deleteIfExists(state);
      }
    }
  }

  private static void publish(Path state, TestStackInfo info) throws IOException {
    Path temporary = state.resolveSibling(state.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(temporary)) {
      info.toProperties().store(out, "shared test stack");
    }
    Files.move(
        temporary, state, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
