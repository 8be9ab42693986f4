package org.redgovernance.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.redgovernance.database.DatabaseRoles;
import org.redgovernance.database.LocalPostgres;

/**
 * Debian's PgBouncer in front of a PostgreSQL, in transaction mode with few server connections, as
 * a deployment that pools connections puts it between the services and the database. {@code
 * install-pgbouncer} installs it when it is missing.
 */
public final class PgBouncer implements AutoCloseable {

  private static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

  private final Process process;
  private final int port;
  private final Path folder;

  private PgBouncer(Process process, int port, Path folder) {
    this.process = process;
    this.port = port;
    this.folder = folder;
  }

  /**
   * A PgBouncer on a free port of 127.0.0.1 in front of the platform's database on {@code
   * postgresPort}, pooling at most {@code serverConnections} connections per role, for the runtime
   * role {@code rg_api}.
   */
  public static PgBouncer inFrontOf(int postgresPort, int serverConnections) {
    install();
    try {
      Path folder = Files.createTempDirectory("rg-pgbouncer-");
      // PgBouncer will not run as root: it drops to nobody, who must read and write here
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
      int port = freePort();
      Files.writeString(
          folder.resolve("userlist.txt"),
          "\"" + DatabaseRoles.API + "\" \"" + LocalPostgres.API_PASSWORD + "\"\n");
      Files.writeString(
          folder.resolve("pgbouncer.ini"),
          String.join(
              "\n",
              "[databases]",
              DatabaseRoles.DATABASE
                  + " = host=127.0.0.1 port="
                  + postgresPort
                  + " dbname="
                  + DatabaseRoles.DATABASE,
              "[pgbouncer]",
              "listen_addr = 127.0.0.1",
              "listen_port = " + port,
              "unix_socket_dir =",
              "auth_type = scram-sha-256",
              "auth_file = " + folder.resolve("userlist.txt"),
              "pool_mode = transaction",
              "default_pool_size = " + serverConnections,
              "max_client_conn = 200",
              // pgjdbc sets this at connecting; PgBouncer keeps only the parameters it tracks
              "ignore_startup_parameters = extra_float_digits",
              "logfile = " + folder.resolve("pgbouncer.log"),
              "pidfile = " + folder.resolve("pgbouncer.pid"),
              ""));
      List<String> command = new ArrayList<>(List.of(BINARY.toString()));
      if ("root".equals(System.getProperty("user.name"))) {
        command.addAll(List.of("-u", "nobody"));
      }
      command.add(folder.resolve("pgbouncer.ini").toString());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(folder.resolve("output.log").toFile())
              .start();
      PgBouncer bouncer = new PgBouncer(process, port, folder);
      bouncer.awaitListening();
      return bouncer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /**
   * The JDBC URL through PgBouncer. Server-side prepared statements are off ({@code
   * prepareThreshold=0}): in transaction mode the next statement may run on another server
   * connection, which does not know them (PgBouncer 1.21 can track them; Debian 12 has 1.18).
   */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:"
        + port
        + "/"
        + DatabaseRoles.DATABASE
        + "?prepareThreshold=0";
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
  }

  private void awaitListening() throws IOException {
    Instant giveUp = Instant.now().plusSeconds(15);
    while (Instant.now().isBefore(giveUp)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "PgBouncer stopped: " + Files.readString(folder.resolve("output.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }
    throw new IllegalStateException("PgBouncer did not listen on " + port + " within 15 s");
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code install-pgbouncer}: it installs the Debian package when it is missing. */
  private static synchronized void install() {
    if (Files.isExecutable(BINARY)) {
      return;
    }
    try {
      Process install = new ProcessBuilder("bash", "install-pgbouncer").inheritIO().start();
      if (!install.waitFor(10, TimeUnit.MINUTES) || install.exitValue() != 0) {
        throw new IllegalStateException(
            "install-pgbouncer failed: the test needs Debian's pgbouncer (apt-get as root or with"
                + " sudo)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
