package org.redgovernance.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.AccessScopes;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.database.TenantContext;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.GraphQlWebSocket;
import org.redgovernance.testing.TestStack;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.BaseSubscriber;
import tools.jackson.databind.JsonNode;

/**
 * No subscriber misses a change: every change has a position in its community, an instance whose
 * LISTEN connection drops reads what it missed when it reconnects, and a client that comes back
 * with the position of its last event receives what happened meanwhile, in order and once.
 */
class ChangeLogIntegrationTests extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String LISTENER = "rg-listen-rg_changes";

  @Autowired ChangeFeed feed;
  @Autowired AccessScopes scopes;
  @Autowired ChangeLogRetention retention;

  @Test
  void aChangeCommittedWhileTheListenerWasAway_stillReachesOpenSubscriptions() throws Exception {
    try (GraphQlWebSocket board = GraphQlWebSocket.connectAs(port, "qingyuan.admin", "qingyuan")) {
      board.subscribe("1", GraphQlHttp.load("noticeEventsAfter"), Map.of());
      String before = publish("qingyuan", "断线之前");
      assertThat(awaitNotice(board, before)).isNotNull();

      String meanwhile = null;
      // the notice must commit while no listener is connected; should the listener win the race
      // back first, the attempt proves nothing and is made again
      for (int attempt = 0; attempt < 5 && meanwhile == null; attempt++) {
        assertThat(terminateListeners()).as("listeners terminated").isPositive();
        awaitNoListener();
        String published = publish("qingyuan", "断线期间的通知" + attempt);
        Instant committed = Instant.now();
        if (awaitListenerStartedAfter(committed.minusMillis(5))) {
          meanwhile = published;
        } else {
          awaitNotice(board, published);
        }
      }
      assertThat(meanwhile).as("a notice committed while the listener was away").isNotNull();

      JsonNode event = awaitNotice(board, meanwhile);
      assertThat(event).as("the notice committed while the listener was away").isNotNull();
      String after = publish("qingyuan", "重连之后");
      assertThat(awaitNotice(board, after)).isNotNull();
    }
  }

  @Test
  void aClientThatComesBackWithItsPosition_receivesWhatHappenedMeanwhile_inOrderAndOnce() {
    String position = positionAfterPublishing("第一条");
    String second = publish("qingyuan", "第二条");
    String third = publish("qingyuan", "第三条");

    try (GraphQlWebSocket board = GraphQlWebSocket.connectAs(port, "qingyuan.admin", "qingyuan")) {
      board.subscribe("1", GraphQlHttp.load("noticeEventsAfter"), Map.of("after", position));
      List<String> received = new ArrayList<>();
      List<String> positions = new ArrayList<>();
      String fourth = null;
      Instant giveUp = Instant.now().plus(WAIT);
      while (!received.contains(fourth) && Instant.now().isBefore(giveUp)) {
        JsonNode message = board.next(Duration.between(Instant.now(), giveUp));
        assertThat(message).as("an event").isNotNull();
        JsonNode data = message.path("payload").path("data").path("noticeEvents");
        received.add(data.path("noticeId").asString());
        positions.add(data.path("position").asString());
        if (received.contains(third) && fourth == null) {
          fourth = publish("qingyuan", "第四条");
        }
      }
      // other tests may publish in the demo community meanwhile; ours come in their order, once
      List<String> ours =
          received.stream().filter(List.of(second, third, fourth)::contains).toList();
      assertThat(ours).containsExactly(second, third, fourth);
      assertThat(positions).doesNotHaveDuplicates().doesNotContain(position);
    }
  }

  @Test
  void aPositionNamingAnotherCommunity_showsNothingOfIt() {
    String qingyuanPosition = positionAfterPublishing("青园的通知");
    // the same communities, every position set back to the start: all of Qingyuan's history
    String forged = rewound(qingyuanPosition);

    try (GraphQlWebSocket board = GraphQlWebSocket.connectAs(port, "xinhua.resident", "xinhua")) {
      board.subscribe("1", GraphQlHttp.load("noticeEventsAfter"), Map.of("after", forged));
      String sentinel = publish("xinhua", "新华的通知");
      JsonNode event = board.next(WAIT);
      assertThat(event).isNotNull();
      assertThat(event.toString()).doesNotContain("qingyuan").doesNotContain("青园");
      assertThat(
              event.path("payload").path("data").path("noticeEvents").path("noticeId").asString())
          .isEqualTo(sentinel);
    }
  }

  @Test
  void anUnreadablePosition_endsTheSubscriptionWithATypedError_beforeAnything() {
    Map<String, String> refusals = new java.util.LinkedHashMap<>();
    refusals.put("", "BAD_USER_INPUT");
    refusals.put("garbage", "BAD_USER_INPUT");
    refusals.put("e1.!!!", "BAD_USER_INPUT");
    refusals.put("e1.AAAA", "BAD_USER_INPUT");
    // 189 positions of one community, as no server writes them
    refusals.put("e1." + "A".repeat(6_048), "BAD_USER_INPUT");
    // what a subscription over more communities than a position holds is sent
    refusals.put("e0", "RESYNC_REQUIRED");
    refusals.put("e1.\u0000", "INVALID_INPUT");
    refusals.forEach(
        (after, code) -> {
          try (GraphQlWebSocket board =
              GraphQlWebSocket.connectAs(port, "qingyuan.admin", "qingyuan")) {
            board.subscribe("1", GraphQlHttp.load("noticeEventsAfter"), Map.of("after", after));
            JsonNode refused = board.next(WAIT);
            assertThat(refused).as(after).isNotNull();
            assertThat(refused.toString()).as(after).contains(code).doesNotContain("noticeId");
          }
        });
  }

  @Test
  void aPositionOlderThanTheChangesKept_endsTheSubscriptionWithResyncRequired() {
    String position = positionAfterPublishing("保留期之前");
    publish("qingyuan", "已被遗忘");
    // the change after the client's position is forgotten, as the retention job does after 7 days
    Rows.update(
        "DELETE FROM rg.change_event WHERE community_id = (SELECT id FROM rg.community"
            + " WHERE key = 'qingyuan') AND position = ?",
        positionOf(position, communityId("qingyuan")) + 1);

    try (GraphQlWebSocket board = GraphQlWebSocket.connectAs(port, "qingyuan.admin", "qingyuan")) {
      board.subscribe("1", GraphQlHttp.load("noticeEventsAfter"), Map.of("after", position));
      JsonNode end = board.next(WAIT);
      assertThat(end).isNotNull();
      assertThat(end.path("type").asString()).isEqualTo("error");
      assertThat(end.toString()).contains("RESYNC_REQUIRED");
    }
  }

  @Test
  void aSubscriberThatStopsReading_isEndedWithResyncRequired_notBufferedWithoutBound()
      throws Exception {
    UUID community = communityId("baiguoshu");
    AtomicReference<Throwable> ended = new AtomicReference<>();
    List<FollowedChange> taken = new ArrayList<>();
    BaseSubscriber<FollowedChange> stalled =
        new BaseSubscriber<>() {
          @Override
          protected void hookOnSubscribe(Subscription subscription) {
            // reads nothing until told
          }

          @Override
          protected void hookOnNext(FollowedChange value) {
            taken.add(value);
          }

          @Override
          protected void hookOnError(Throwable error) {
            ended.set(error);
          }
        };
    AccessScope platform = scopes.of(Caller.SYSTEM);
    feed.follow("stalled-test", platform.narrowedTo(platform.byId(community).orElseThrow()), null)
        .subscribe(stalled);
    Thread.sleep(500);
    announceMany(community, "stalled-test", ChangeFeed.WAITING_PER_SUBSCRIPTION + 50);
    Thread.sleep(2000);

    stalled.request(Long.MAX_VALUE);
    Instant giveUp = Instant.now().plus(WAIT);
    while (ended.get() == null && Instant.now().isBefore(giveUp)) {
      Thread.sleep(50);
    }
    assertThat(ended.get()).as("the end of the stalled subscription").isNotNull();
    assertThat(ended.get().getMessage()).contains("fell too far behind");
    assertThat(taken).hasSizeLessThanOrEqualTo(ChangeFeed.WAITING_PER_SUBSCRIPTION);
  }

  @Test
  void positionsFollowTheCommitOrder_notTheOrderOfAnnouncing_andARolledBackChangeLeavesNoTrace()
      throws Exception {
    UUID community = communityId("xinhua");
    try (Connection first = api(community);
        Connection second = api(community)) {
      long start = lastPosition(community);
      UUID announcedFirst = announce(first, community, "order-test");
      UUID announcedSecond = announce(second, community, "order-test");
      // the second commits while the first is still open: it does not wait for the first
      Thread committer =
          new Thread(
              () -> {
                try {
                  second.commit();
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      committer.start();
      committer.join(10_000);
      assertThat(committer.isAlive()).as("the second change waits for nothing").isFalse();
      first.commit();

      assertThat(positionOf(community, announcedSecond)).isEqualTo(start + 1);
      assertThat(positionOf(community, announcedFirst)).isEqualTo(start + 2);
      assertThat(lastPosition(community)).isEqualTo(start + 2);

      announce(first, community, "rolled-back");
      first.rollback();
      assertThat(lastPosition(community)).isEqualTo(start + 2);
      assertThat(
              Rows.count(
                  "SELECT count(*) FROM rg.change_event WHERE topic = 'rolled-back'"
                      + " AND community_id = ?",
                  community))
          .isZero();
    }
  }

  @Test
  void theChangesOfOneTransaction_takeConsecutivePositionsInTheOrderTheyWereAnnounced()
      throws Exception {
    UUID community = communityId("xinhua");
    try (Connection api = api(community)) {
      long start = lastPosition(community);
      UUID one = announce(api, community, "batch-test");
      UUID two = announce(api, community, "batch-test");
      UUID three = announce(api, community, "batch-test");
      api.commit();
      assertThat(
              List.of(
                  positionOf(community, one),
                  positionOf(community, two),
                  positionOf(community, three)))
          .containsExactly(start + 1, start + 2, start + 3);
    }
  }

  @Test
  void theRetentionJob_forgetsChangesOlderThanTheRetention_andNothingNewer() throws Exception {
    UUID community = communityId("xinhua");
    try (Connection api = api(community)) {
      announce(api, community, "retention-test");
      announce(api, community, "retention-test");
      api.commit();
    }
    long last = lastPosition(community);
    Rows.update(
        "UPDATE rg.change_event SET recorded_at = now() - interval '8 days'"
            + " WHERE community_id = ? AND position = ?",
        community,
        last - 1);

    int forgotten = retention.forgetBefore(java.time.OffsetDateTime.now().minusDays(7));

    assertThat(forgotten).isEqualTo(1);
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.change_event WHERE community_id = ? AND position >= ?",
                community,
                last - 1))
        .isEqualTo(1);
  }

  @Test
  void announcingForACommunityOutsideTheTenantContext_isRefused() throws Exception {
    UUID xinhua = communityId("xinhua");
    try (Connection api = api(xinhua)) {
      PreparedStatement foreign =
          api.prepareStatement("SELECT rg.announce('notice', ?, gen_random_uuid(), 'PUBLISHED')");
      foreign.setObject(1, communityId("baiguoshu"));
      assertThatThrownBy(foreign::executeQuery)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("not in the tenant context");
      api.rollback();
    }
  }

  /** A connection as platform-api's role, outside any tenant context. */
  private static Connection api() throws SQLException {
    return DriverManager.getConnection(
        TestStack.get().jdbcUrl(), "rg_api", LocalPostgres.API_PASSWORD);
  }

  /** A connection as platform-api's role with {@code community} as its tenant, not committing. */
  private static Connection api(UUID community) throws SQLException {
    Connection connection = api();
    connection.setAutoCommit(false);
    try (Statement context = connection.createStatement()) {
      context
          .executeQuery(
              "SELECT set_config('"
                  + TenantContext.COMMUNITY_IDS
                  + "', '{"
                  + community
                  + "}', false)")
          .close();
    }
    return connection;
  }

  /** Announces a change of a new subject in {@code connection}'s transaction; the subject. */
  private static UUID announce(Connection connection, UUID community, String topic)
      throws SQLException {
    UUID subject = UUID.randomUUID();
    try (PreparedStatement announce =
        connection.prepareStatement("SELECT rg.announce(?, ?, ?, 'TEST')")) {
      announce.setString(1, topic);
      announce.setObject(2, community);
      announce.setObject(3, subject);
      announce.executeQuery().close();
    }
    return subject;
  }

  private static void announceMany(UUID community, String topic, int count) throws SQLException {
    try (Connection api = api(community);
        PreparedStatement announce =
            api.prepareStatement(
                "SELECT rg.announce(?, ?, gen_random_uuid(), 'TEST') FROM generate_series(1, ?)")) {
      announce.setString(1, topic);
      announce.setObject(2, community);
      announce.setInt(3, count);
      announce.executeQuery().close();
      api.commit();
    }
  }

  private static long positionOf(UUID community, UUID subject) {
    return Rows.count(
        "SELECT position FROM rg.change_event WHERE community_id = ? AND subject_id = ?",
        community,
        subject);
  }

  private static long lastPosition(UUID community) {
    return Rows.count(
        "SELECT coalesce((SELECT last FROM rg.change_position WHERE community = ?), 0)", community);
  }

  private static UUID communityId(String key) {
    return UUID.fromString(Rows.text("SELECT id::text FROM rg.community WHERE key = ?", key));
  }

  /** Every listener of the change channel, on any instance the tests run, cut off. */
  private static int terminateListeners() throws SQLException {
    try (Connection api = api();
        PreparedStatement terminate =
            api.prepareStatement(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE application_name = ?")) {
      terminate.setString(1, LISTENER);
      try (ResultSet terminated = terminate.executeQuery()) {
        terminated.next();
        return terminated.getInt(1);
      }
    }
  }

  private static void awaitNoListener() throws Exception {
    Instant giveUp = Instant.now().plus(WAIT);
    while (listenerStarts().size() > 0 && Instant.now().isBefore(giveUp)) {
      Thread.sleep(20);
    }
  }

  /** Whether every listener came back, and started after {@code time}. */
  private static boolean awaitListenerStartedAfter(Instant time) throws Exception {
    Instant giveUp = Instant.now().plus(WAIT);
    List<Instant> starts = listenerStarts();
    while (starts.isEmpty() && Instant.now().isBefore(giveUp)) {
      Thread.sleep(50);
      starts = listenerStarts();
    }
    return !starts.isEmpty() && starts.stream().allMatch(start -> start.isAfter(time));
  }

  private static List<Instant> listenerStarts() throws SQLException {
    try (Connection api = api();
        PreparedStatement starts =
            api.prepareStatement(
                "SELECT backend_start FROM pg_stat_activity WHERE application_name = ?")) {
      starts.setString(1, LISTENER);
      List<Instant> found = new ArrayList<>();
      try (ResultSet rows = starts.executeQuery()) {
        while (rows.next()) {
          Timestamp start = rows.getTimestamp(1);
          found.add(start.toInstant());
        }
      }
      return found;
    }
  }

  /** The position with every community's position set to 0. */
  private static String rewound(String position) {
    Map<UUID, Long> rewound = new HashMap<>(EventPositions.read(position));
    rewound.replaceAll((community, last) -> 0L);
    return EventPositions.write(rewound);
  }

  private static long positionOf(String position, UUID community) {
    return EventPositions.read(position).get(community);
  }

  /** Qingyuan's admin subscribes, a notice is published, and its event's position is kept. */
  private String positionAfterPublishing(String title) {
    try (GraphQlWebSocket board = GraphQlWebSocket.connectAs(port, "qingyuan.admin", "qingyuan")) {
      board.subscribe("1", GraphQlHttp.load("noticeEventsAfter"), Map.of());
      String id = publish("qingyuan", title);
      return awaitNotice(board, id).path("position").asString();
    }
  }

  /** The event of one notice, passing over other tests' notices of the shared community. */
  private static JsonNode awaitNotice(GraphQlWebSocket board, String noticeId) {
    Instant giveUp = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(giveUp)) {
      JsonNode message = board.next(Duration.between(Instant.now(), giveUp));
      if (message == null) {
        return null;
      }
      JsonNode data = message.path("payload").path("data").path("noticeEvents");
      if (data.path("noticeId").asString().equals(noticeId)) {
        return data;
      }
    }
    return null;
  }

  private String publish(String community, String title) {
    GraphQlResult published =
        graphql
            .document("publishNotice")
            .as(community + ".admin")
            .variable(
                "input",
                Map.of(
                    "communityKey",
                    community,
                    "title",
                    title,
                    "body",
                    "内容",
                    "audience",
                    "EVERYONE"))
            .execute();
    assertThat(published.data("publishNotice.errors").size()).as(published.toString()).isZero();
    return published.data("publishNotice.notice.id").asString();
  }
}
