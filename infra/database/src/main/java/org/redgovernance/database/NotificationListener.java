package org.redgovernance.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on one PostgreSQL notification channel with a dedicated connection (outside any pool,
 * which would otherwise lose a connection to it) and hands every payload to a consumer, on its own
 * daemon thread. It reconnects after a failure; what was notified while it was disconnected is
 * lost, so a consumer that must not miss anything reads again what it shows when it is told the
 * listener is (again) connected — {@link Listening#connected} runs after LISTEN, so nothing that
 * commits after that read is lost either. The connection's application_name is {@code
 * rg-listen-<channel>}, which is how an operator (or a fault test) finds it in pg_stat_activity.
 */
public final class NotificationListener implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);
  private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]*");

  private final String url;
  private final String username;
  private final String password;
  private final String channel;
  private final Listening listening;
  private final Thread thread;
  private volatile boolean running = true;

  private NotificationListener(
      String url, String username, String password, String channel, Listening listening) {
    if (!CHANNEL.matcher(channel).matches()) {
      throw new IllegalArgumentException("Not a channel name: " + channel);
    }
    this.url = url;
    this.username = username;
    this.password = password;
    this.channel = channel;
    this.listening = listening;
    this.thread = new Thread(this::listen, "listen-" + channel);
    this.thread.setDaemon(true);
  }

  /**
   * What a listener tells its consumer, on the listener's thread and with its connection (to read
   * what was missed through the same connection, in order with the notifications).
   */
  public interface Listening {

    /** Listening (again): what was notified while disconnected is to be read now. */
    void connected(Connection connection) throws SQLException;

    /** One notification's payload, in the order PostgreSQL delivers them (commit order). */
    void notified(Connection connection, String payload) throws SQLException;
  }

  /** Starts listening on {@code channel} of the database at {@code url}. */
  public static NotificationListener start(
      String url,
      String username,
      String password,
      String channel,
      Consumer<String> payloads,
      Runnable onConnected) {
    return start(
        url,
        username,
        password,
        channel,
        new Listening() {
          @Override
          public void connected(Connection connection) {
            onConnected.run();
          }

          @Override
          public void notified(Connection connection, String payload) {
            payloads.accept(payload);
          }
        });
  }

  /** Starts listening on {@code channel}, telling {@code listening} with the connection. */
  public static NotificationListener start(
      String url, String username, String password, String channel, Listening listening) {
    NotificationListener listener =
        new NotificationListener(url, username, password, channel, listening);
    listener.thread.start();
    return listener;
  }

  /** Stops listening; the connection closes within half a second. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }

  private void listen() {
    while (running) {
      Properties properties = new Properties();
      properties.setProperty("user", username);
      properties.setProperty("password", password);
      properties.setProperty("ApplicationName", "rg-listen-" + channel);
      try (Connection connection = DriverManager.getConnection(url, properties)) {
        try (Statement listen = connection.createStatement()) {
          listen.execute("LISTEN " + channel);
        }
        listening.connected(connection);
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = postgres.getNotifications(500);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              deliver(connection, notification.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          log.warn(
              "Listening on {} lost its connection, reconnecting: {}", channel, e.getMessage());
          pause();
        }
      }
    }
  }

  private void deliver(Connection connection, String payload) throws SQLException {
    try {
      listening.notified(connection, payload);
    } catch (RuntimeException e) {
      log.warn("Ignoring a notification on {} its consumer refused: {}", channel, payload, e);
    }
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
