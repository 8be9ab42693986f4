package org.redgovernance.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
 * lost, so a consumer that must not miss anything reads again what it shows when {@code
 * onConnected} tells it the listener is (again) connected.
 */
public final class NotificationListener implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);
  private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]*");

  private final String url;
  private final String username;
  private final String password;
  private final String channel;
  private final Consumer<String> payloads;
  private final Runnable onConnected;
  private final Thread thread;
  private volatile boolean running = true;

  private NotificationListener(
      String url,
      String username,
      String password,
      String channel,
      Consumer<String> payloads,
      Runnable onConnected) {
    if (!CHANNEL.matcher(channel).matches()) {
      throw new IllegalArgumentException("Not a channel name: " + channel);
    }
    this.url = url;
    this.username = username;
    this.password = password;
    this.channel = channel;
    this.payloads = payloads;
    this.onConnected = onConnected;
    this.thread = new Thread(this::listen, "listen-" + channel);
    this.thread.setDaemon(true);
  }

  /** Starts listening on {@code channel} of the database at {@code url}. */
  public static NotificationListener start(
      String url,
      String username,
      String password,
      String channel,
      Consumer<String> payloads,
      Runnable onConnected) {
    NotificationListener listener =
        new NotificationListener(url, username, password, channel, payloads, onConnected);
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
      try (Connection connection = DriverManager.getConnection(url, username, password)) {
        try (Statement listen = connection.createStatement()) {
          listen.execute("LISTEN " + channel);
        }
        onConnected.run();
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = postgres.getNotifications(500);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              deliver(notification.getParameter());
            }
          }
        }
      } catch (SQLException e) {
        if (running) {
          log.warn(
              "Listening on {} lost its connection, reconnecting: {}", channel, e.getMessage());
          pause();
        }
      }
    }
  }

  private void deliver(String payload) {
    try {
      payloads.accept(payload);
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
