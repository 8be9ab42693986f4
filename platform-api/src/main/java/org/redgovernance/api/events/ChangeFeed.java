package org.redgovernance.api.events;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.AccessScopes;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.redgovernance.database.NotificationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on the change channel ({@link NotificationListener}: one dedicated connection) and
 * multicasts every recorded change to this instance's subscribers, each community's in the order of
 * its positions and none twice. When the listener connects again after losing its connection, it
 * first reads from the change log what was committed meanwhile, so no subscriber misses a change; a
 * gap in a community's positions (which only a lost notification could make) is filled the same
 * way.
 */
@Component
public class ChangeFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

  /**
   * Changes one subscription may have waiting before it is ended with RESYNC_REQUIRED: a client
   * that stops reading must not grow this server's memory without bound.
   */
  static final int WAITING_PER_SUBSCRIPTION = 1024;

  private final String url;
  private final String username;
  private final String password;
  private final JsonMapper json;
  private final ChangeLogRepository changeLog;
  private final AccessScopes scopes;
  private final TenantTransactions transactions;
  private final Sinks.Many<RecordedChange> sink = Sinks.many().multicast().directBestEffort();

  /** The last position delivered per community; null until the first connection has read them. */
  private @Nullable Map<UUID, Long> delivered;

  private volatile @Nullable NotificationListener listener;

  ChangeFeed(
      // LISTEN holds a session: behind PgBouncer in transaction mode it must reach PostgreSQL
      // directly (rg.events.listen-url), or notifications go to whichever client holds the
      // server connection
      @Value("${rg.events.listen-url:${spring.datasource.url}}") String url,
      @Value("${spring.datasource.username}") String username,
      @Value("${spring.datasource.password}") String password,
      JsonMapper json,
      ChangeLogRepository changeLog,
      AccessScopes scopes,
      TenantTransactions transactions) {
    this.url = url;
    this.username = username;
    this.password = password;
    this.json = json;
    this.changeLog = changeLog;
    this.scopes = scopes;
    this.transactions = transactions;
  }

  /**
   * Changes of one topic in the communities of {@code scope} (the subscriber's), each with the
   * subscription's position after it. With {@code after} (a position this feed sent), first what
   * happened in those communities since then, read from the change log through the subscriber's own
   * tenant context; refused with RESYNC_REQUIRED when the log no longer holds all of it. A
   * subscriber that lets more than {@value #WAITING_PER_SUBSCRIPTION} changes wait is ended with
   * RESYNC_REQUIRED too.
   */
  public Flux<FollowedChange> follow(String topic, AccessScope scope, @Nullable String after) {
    Set<UUID> followed = Set.copyOf(scope.communityIds());
    return Flux.defer(
        () -> {
          // read here, so that an unreadable position ends the stream with its code
          Map<UUID, Long> resumed = after == null ? null : EventPositions.read(after);
          // listening starts at once, as the subscription does; where it stands (and what it
          // missed) is read after, so nothing committed in between is lost
          Sinks.Many<RecordedChange> waiting =
              Sinks.many()
                  .unicast()
                  .onBackpressureBuffer(Queues.<RecordedChange>get(WAITING_PER_SUBSCRIPTION).get());
          Disposable live =
              sink.asFlux()
                  .filter(
                      recorded ->
                          recorded.change().topic().equals(topic)
                              && followed.contains(recorded.change().communityId()))
                  .subscribe(recorded -> keep(waiting, recorded));
          Map<UUID, Long> positions = new HashMap<>();
          Mono<List<RecordedChange>> start =
              Mono.fromCallable(
                      () -> {
                        Map<UUID, Long> now =
                            transactions.read(scope, dsl -> changeLog.positions(dsl, followed));
                        for (UUID community : followed) {
                          positions.put(community, now.getOrDefault(community, 0L));
                        }
                        return resumed == null
                            ? List.<RecordedChange>of()
                            : missedSince(scope, resumed, now, positions);
                      })
                  .subscribeOn(Schedulers.boundedElastic());
          return start
              .flatMapMany(
                  missed ->
                      Flux.concat(
                          Flux.fromIterable(missed)
                              .filter(recorded -> recorded.change().topic().equals(topic)),
                          waiting.asFlux()))
              // resuming, a change may come both from the log and live: the first one counts;
              // starting afresh, every change heard live is new to the subscriber
              .filter(
                  recorded ->
                      resumed == null
                          ? atLeast(positions, recorded)
                          : advances(positions, recorded))
              .map(
                  recorded ->
                      new FollowedChange(recorded.change(), EventPositions.write(positions)))
              .doFinally(signal -> live.dispose());
        });
  }

  /**
   * What happened since {@code resumed} in the followed communities (whose positions now are in
   * {@code now}); {@code positions} starts where the client left off. Communities the position
   * names but the subscriber may not see are left out, whatever the client sent.
   */
  private List<RecordedChange> missedSince(
      AccessScope scope, Map<UUID, Long> resumed, Map<UUID, Long> now, Map<UUID, Long> positions) {
    Map<UUID, Long> since = new HashMap<>();
    for (Map.Entry<UUID, Long> entry : resumed.entrySet()) {
      long last = now.getOrDefault(entry.getKey(), 0L);
      // a position beyond the last one given out was not sent by this server: nothing is missed
      if (positions.containsKey(entry.getKey()) && entry.getValue() < last) {
        since.put(entry.getKey(), entry.getValue());
        positions.put(entry.getKey(), entry.getValue());
      }
    }
    if (since.isEmpty()) {
      return List.of();
    }
    List<RecordedChange> missed =
        transactions.read(scope, dsl -> changeLog.after(dsl, since, false));
    Map<UUID, Long> expected = new HashMap<>(since);
    for (RecordedChange recorded : missed) {
      UUID community = recorded.change().communityId();
      if (recorded.position() != expected.get(community) + 1) {
        throw resync();
      }
      expected.put(community, recorded.position());
    }
    for (Map.Entry<UUID, Long> entry : since.entrySet()) {
      if (expected.get(entry.getKey()) < now.get(entry.getKey())) {
        throw resync();
      }
    }
    return missed;
  }

  private static ApiException resync() {
    return new ApiException(
        ErrorCode.RESYNC_REQUIRED,
        "The changes since that position are no longer kept: read again, then subscribe anew");
  }

  private static void keep(Sinks.Many<RecordedChange> waiting, RecordedChange recorded) {
    if (waiting.tryEmitNext(recorded).isFailure()) {
      waiting.tryEmitError(
          new ApiException(
              ErrorCode.RESYNC_REQUIRED,
              "This subscription fell too far behind: read again, then subscribe anew"));
    }
  }

  /** Moves a community's position up to a change's (never down); always true. */
  private static boolean atLeast(Map<UUID, Long> positions, RecordedChange recorded) {
    positions.merge(recorded.change().communityId(), recorded.position(), Math::max);
    return true;
  }

  /**
   * Whether a change is new to whoever keeps {@code positions} (a subscription, or the feed); if
   * so, its position becomes the last one.
   */
  private static boolean advances(Map<UUID, Long> positions, RecordedChange recorded) {
    UUID community = recorded.change().communityId();
    if (recorded.position() <= positions.getOrDefault(community, 0L)) {
      return false;
    }
    positions.put(community, recorded.position());
    return true;
  }

  @Override
  public void start() {
    listener =
        NotificationListener.start(
            url,
            username,
            password,
            ChangeEvents.CHANNEL,
            new NotificationListener.Listening() {
              @Override
              public void connected(Connection connection) {
                catchUp();
              }

              @Override
              public void notified(Connection connection, String payload) {
                received(payload);
              }
            });
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

  /**
   * On the first connection, where each community stands; on every later one, what was committed
   * while the listener was away, delivered before anything it is notified of from now on. Read in
   * the platform's own scope (every community), while the listener waits.
   */
  private synchronized void catchUp() {
    if (delivered == null) {
      delivered = new HashMap<>(transactions.read(system(), dsl -> changeLog.positions(dsl, null)));
      return;
    }
    Map<UUID, Long> seen = Map.copyOf(delivered);
    List<RecordedChange> missed =
        transactions.read(system(), dsl -> changeLog.after(dsl, seen, true));
    if (!missed.isEmpty()) {
      log.info("Delivering {} changes committed while the listener was away", missed.size());
    }
    missed.forEach(this::deliver);
  }

  private AccessScope system() {
    return scopes.of(Caller.SYSTEM);
  }

  private synchronized void received(String payload) {
    RecordedChange recorded;
    try {
      JsonNode node = json.readTree(payload);
      JsonNode recipient = node.path("recipient");
      recorded =
          new RecordedChange(
              new ChangeEvent(
                  node.path("topic").asString(),
                  UUID.fromString(node.path("communityId").asString()),
                  UUID.fromString(node.path("subjectId").asString()),
                  node.path("kind").asString(),
                  recipient.isString() ? recipient.asString() : null),
              node.path("position").asLong());
    } catch (RuntimeException e) {
      log.warn("Ignoring an unreadable change event: {}", payload);
      return;
    }
    Map<UUID, Long> positions = delivered;
    if (positions == null) {
      return;
    }
    UUID community = recorded.change().communityId();
    long last = positions.getOrDefault(community, 0L);
    if (recorded.position() > last + 1) {
      // a notification that never came: read it (and any others) from the log, in order
      transactions
          .read(system(), dsl -> changeLog.after(dsl, Map.of(community, last), false))
          .stream()
          .filter(missed -> missed.position() < recorded.position())
          .forEach(this::deliver);
    }
    deliver(recorded);
  }

  /** Sends a change to the subscribers unless it was sent already. */
  private void deliver(RecordedChange recorded) {
    Map<UUID, Long> positions = delivered;
    if (positions == null) {
      return;
    }
    if (advances(positions, recorded)) {
      sink.tryEmitNext(recorded);
    }
  }
}
