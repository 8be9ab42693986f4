package org.redgovernance.admin.registry;

import java.util.List;
import java.util.Optional;
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
 * The registry's changes as PostgreSQL announces them on {@code rg_registry} when they commit —
 * whichever instance or script made them — each with its position (1, 2, 3 … in commit order, kept
 * in {@code rg.registry_change}), multicast to this instance's subscribers in that order and none
 * left out: what was committed while the listener was disconnected, or a position it was not told
 * of, is read from the registry's changes before the next one is passed on.
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

  /** The position of the last change passed on; -1 until the listener first connects. */
  private long passedOn = -1;

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

  /**
   * The registry entries of the changes passed on from now on, each as it is when its change is
   * passed on and with the change's position ({@code changePosition}).
   */
  Flux<RegistryRepository.RegisteredCommunity> changedCommunities() {
    return changes.asFlux();
  }

  /** The position of the registry's last committed change (0 before any). */
  long lastPosition() {
    return registry.lastPosition();
  }

  /**
   * The entries of the changes committed after {@code position}, in order, each as it is now: what
   * a subscriber that reconnects missed.
   */
  List<RegistryRepository.RegisteredCommunity> changesAfter(long position) {
    return registry.changesAfter(position).stream()
        .flatMap(change -> announcement(change.position(), change.communityKey()).stream())
        .toList();
  }

  @Override
  public void start() {
    listener =
        NotificationListener.start(
            url, username, password, CHANNEL, this::announced, this::caughtUp);
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

  /** Listening (again): on first connecting, from the last change; after, what was missed. */
  private synchronized void caughtUp() {
    if (passedOn < 0) {
      passedOn = registry.lastPosition();
      return;
    }
    for (RegistryRepository.Change change : registry.changesAfter(passedOn)) {
      passOn(change.position(), change.communityKey());
    }
  }

  private synchronized void announced(String payload) {
    JsonNode announcement = json.readTree(payload);
    JsonNode key = announcement.path("communityKey");
    JsonNode position = announcement.path("position");
    if (!key.isString() || !position.canConvertToLong()) {
      log.warn("Ignoring an unreadable registry announcement: {}", payload);
      return;
    }
    long at = position.asLong();
    if (at <= passedOn) {
      return; // read already, while catching up
    }
    if (at == passedOn + 1) {
      passOn(at, key.asString());
    } else {
      // a position not told of (or told before the first connection was made): read in order
      log.info("Registry changes {} to {} read from the registry", passedOn + 1, at);
      caughtUp();
    }
  }

  private void passOn(long position, String communityKey) {
    announcement(position, communityKey).ifPresent(changes::tryEmitNext);
    passedOn = position;
  }

  /** The change at {@code position}: its community's registry entry as it is now. */
  private Optional<RegistryRepository.RegisteredCommunity> announcement(
      long position, String communityKey) {
    return registry.community(communityKey).map(entry -> entry.announcedAt(position));
  }
}
