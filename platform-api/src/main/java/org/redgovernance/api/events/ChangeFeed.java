package org.redgovernance.api.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on the change channel with one dedicated connection (outside the pool, which would
 * otherwise lose a connection to it) and multicasts every event to this instance's subscribers.
 * Reconnects after a failure; events sent while it was disconnected are lost, as subscriptions are
 * a live view, not a log.
 */
@Component
public class ChangeFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

  private final String url;
  private final String username;
  private final String password;
  private final JsonMapper json;
  private final Sinks.Many<ChangeEvent> sink = Sinks.many().multicast().directBestEffort();
  private volatile boolean running;
  private Thread listener;

  ChangeFeed(
      @Value("${spring.datasource.url}") String url,
      @Value("${spring.datasource.username}") String username,
      @Value("${spring.datasource.password}") String password,
      JsonMapper json) {
    this.url = url;
    this.username = username;
    this.password = password;
    this.json = json;
  }

  /** Events of one topic, from now on. */
  public Flux<ChangeEvent> events(String topic) {
    return sink.asFlux().filter(event -> event.topic().equals(topic));
  }

  @Override
  public void start() {
    running = true;
    listener = new Thread(this::listen, "change-feed");
    listener.setDaemon(true);
    listener.start();
  }

  @Override
  public void stop() {
    running = false;
    if (listener != null) {
      listener.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listen() {
    while (running) {
      try (Connection connection = DriverManager.getConnection(url, username, password)) {
        try (Statement listen = connection.createStatement()) {
          listen.execute("LISTEN " + ChangeEvents.CHANNEL);
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = postgres.getNotifications(500);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              emit(notification.getParameter());
            }
          }
        }
      } catch (SQLException e) {
        if (running) {
          log.warn("Change feed lost its connection, reconnecting: {}", e.getMessage());
          pause();
        }
      }
    }
  }

  private void emit(String payload) {
    try {
      sink.tryEmitNext(json.readValue(payload, ChangeEvent.class));
    } catch (RuntimeException e) {
      log.warn("Ignoring an unreadable change event: {}", payload);
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
