package org.redgovernance.api.events;

import org.jspecify.annotations.Nullable;
import org.redgovernance.database.NotificationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on the change channel ({@link NotificationListener}: one dedicated connection) and
 * multicasts every event to this instance's subscribers. Events sent while it was disconnected are
 * lost, as subscriptions are a live view, not a log.
 */
@Component
public class ChangeFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

  private final String url;
  private final String username;
  private final String password;
  private final JsonMapper json;
  private final Sinks.Many<ChangeEvent> sink = Sinks.many().multicast().directBestEffort();
  private volatile @Nullable NotificationListener listener;

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
    listener =
        NotificationListener.start(
            url, username, password, ChangeEvents.CHANNEL, this::emit, () -> {});
  }

  @Override
  public void stop() {
    if (listener != null) {
      listener.close();
      listener = null;
    }
  }

  @Override
  public boolean isRunning() {
    return listener != null;
  }

  private void emit(String payload) {
    try {
      sink.tryEmitNext(json.readValue(payload, ChangeEvent.class));
    } catch (RuntimeException e) {
      log.warn("Ignoring an unreadable change event: {}", payload);
    }
  }
}
