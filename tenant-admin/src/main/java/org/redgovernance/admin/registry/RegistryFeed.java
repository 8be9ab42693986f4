package org.redgovernance.admin.registry;

import org.jspecify.annotations.Nullable;
import org.redgovernance.database.NotificationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The keys of communities whose status changed, as PostgreSQL announces them on {@code rg_registry}
 * when the change commits — whichever instance or script made it — multicast to this instance's
 * subscribers. What changed while the listener was disconnected is not announced; subscribers
 * resynchronise by reading the registry when they (re)connect.
 */
@Component
class RegistryFeed implements SmartLifecycle {

  static final String CHANNEL = "rg_registry";

  private static final Logger log = LoggerFactory.getLogger(RegistryFeed.class);

  private final String url;
  private final String username;
  private final String password;
  private final JsonMapper json;
  private final RegistryRepository registry;
  private final Sinks.Many<RegistryRepository.RegisteredCommunity> changes =
      Sinks.many().multicast().directBestEffort();
  private volatile @Nullable NotificationListener listener;

  RegistryFeed(
      // LISTEN holds a session: behind PgBouncer in transaction mode it must reach PostgreSQL
      // directly (rg.events.listen-url)
      @Value("${rg.events.listen-url:${spring.datasource.url}}") String url,
      @Value("${spring.datasource.username}") String username,
      @Value("${spring.datasource.password}") String password,
      JsonMapper json,
      RegistryRepository registry) {
    this.url = url;
    this.username = username;
    this.password = password;
    this.json = json;
    this.registry = registry;
  }

  /** The registry entries of communities whose status changes from now on. */
  Flux<RegistryRepository.RegisteredCommunity> changedCommunities() {
    return changes.asFlux();
  }

  @Override
  public void start() {
    listener = NotificationListener.start(url, username, password, CHANNEL, this::emit, () -> {});
  }

  @Override
  public void stop() {
    NotificationListener running = listener;
    if (running != null) {
      running.close();
      listener = null;
    }
  }

  @Override
  public boolean isRunning() {
    return listener != null;
  }

  private void emit(String payload) {
    JsonNode key = json.readTree(payload).path("communityKey");
    if (key.isString()) {
      registry.community(key.asString()).ifPresent(changes::tryEmitNext);
    } else {
      log.warn("Ignoring an unreadable registry announcement: {}", payload);
    }
  }
}
