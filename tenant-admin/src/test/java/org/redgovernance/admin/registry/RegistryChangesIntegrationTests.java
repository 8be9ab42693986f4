package org.redgovernance.admin.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.database.DatabaseRoles;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.keycloak.RealmDefinition;
import org.redgovernance.testing.GraphQlWebSocket;
import org.redgovernance.testing.TestStack;
import org.redgovernance.testing.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * A console open on the registry sees a community's status change as it is committed, whoever
 * changed it: the street's admins and viewers for their street, nobody else; and tenant-admin's
 * WebSocket carries nothing but that — no query, no mutation, no connection without a token.
 */
class RegistryChangesIntegrationTests extends TenantAdminTest {

  private static final String CHANGES =
      """
      subscription($street: String) {
        registeredCommunityChanges(streetKey: $street) { key status statusReason streetKey }
      }""";
  private static final String RESUMABLE =
      """
      subscription($street: String, $after: String) {
        registeredCommunityChanges(streetKey: $street, after: $after) { key status changePosition }
      }""";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration QUIET = Duration.ofSeconds(2);

  @Test
  void theStreetsStaff_seeACommunityRegisteredAndSuspended_andAnotherStreetsAdminNothing() {
    try (GraphQlWebSocket admin = GraphQlWebSocket.connectAs(port, "baishalu.admin", null);
        GraphQlWebSocket viewer = GraphQlWebSocket.connectAs(port, "baishalu.viewer", null);
        GraphQlWebSocket other = GraphQlWebSocket.connectAs(port, "gutang.admin", null);
        GraphQlWebSocket nosy = GraphQlWebSocket.connectAs(port, "gutang.admin", null)) {
      admin.subscribe("1", CHANGES, Map.of("street", "baishalu"));
      viewer.subscribe("1", CHANGES);
      other.subscribe("1", CHANGES);
      nosy.subscribe("1", CHANGES, Map.of("street", "baishalu"));

      String key = newCommunity("live", "baishalu", "ACTIVE");
      assertThat(change(admin.next(WAIT))).isEqualTo(key + " ACTIVE");
      assertThat(change(viewer.next(WAIT))).isEqualTo(key + " ACTIVE");

      JsonNode suspended =
          graphql
              .query(
                  """
                  mutation($key: String!) {
                    suspendCommunity(input: {communityKey: $key, reason: "账目核查"}) {
                      errors { code }
                    }
                  }""")
              .as("baishalu.admin")
              .variable("key", key)
              .execute()
              .data("suspendCommunity.errors");
      assertThat(suspended.size()).isZero();
      JsonNode event = admin.next(WAIT);
      assertThat(change(event)).isEqualTo(key + " SUSPENDED");
      assertThat(event.at("/payload/data/registeredCommunityChanges/statusReason").asString())
          .isEqualTo("账目核查");
      assertThat(change(viewer.next(WAIT))).isEqualTo(key + " SUSPENDED");

      assertThat(other.next(QUIET)).as("another street's admin").isNull();
      assertThat(nosy.next(QUIET)).as("another street's admin, naming this street").isNull();
    }
  }

  @Test
  void aChangeRolledBack_isNeverAnnounced() throws Exception {
    String key = newCommunity("live", "baishalu", "ACTIVE");
    try (GraphQlWebSocket admin = GraphQlWebSocket.connectAs(port, "baishalu.admin", null)) {
      admin.subscribe("1", CHANGES, Map.of("street", "baishalu"));
      try (Connection owner = owner();
          PreparedStatement suspend =
              owner.prepareStatement(
                  "UPDATE rg.community SET status = 'SUSPENDED' WHERE key = ?")) {
        owner.setAutoCommit(false);
        suspend.setString(1, key);
        assertThat(suspend.executeUpdate()).isEqualTo(1);
        owner.rollback();
      }
      assertThat(admin.next(QUIET)).isNull();
    }
  }

  @Test
  void theSocket_refusesQueriesAndMutations_andConnectionsWithoutAValidToken() {
    String key = newCommunity("live", "baishalu", "ACTIVE");
    try (GraphQlWebSocket admin = GraphQlWebSocket.connectAs(port, "baishalu.admin", null)) {
      admin.subscribe("1", "{ streets { key } }");
      assertThat(code(answer(admin, "1"))).isEqualTo("METHOD_NOT_ALLOWED");
      admin.subscribe(
          "2",
          "mutation { suspendCommunity(input: {communityKey: \"%s\", reason: \"越过 HTTP\"}) {"
                  .formatted(key)
              + " errors { code } } }");
      assertThat(code(answer(admin, "2"))).isEqualTo("METHOD_NOT_ALLOWED");
      assertThat(statusOf(key)).as("nothing changed").isEqualTo("ACTIVE");
      // text no street key is: refused like any argument, nothing followed
      admin.subscribe("3", CHANGES, Map.of("street", "baishalu\u0000"));
      assertThat(code(answer(admin, "3"))).isEqualTo("INVALID_INPUT");
    }
    // a message larger than the socket takes closes it (1009, too big), before anything reads it
    try (GraphQlWebSocket admin = GraphQlWebSocket.connectAs(port, "baishalu.admin", null)) {
      admin.sendRaw(
          "{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"subscription {"
              + " registeredCommunityChanges(streetKey: \\\""
              + "x".repeat(30_000)
              + "\\\") { key } }\"}}");
      assertThat(admin.closeCode(WAIT)).isEqualTo(1009);
    }

    try (GraphQlWebSocket anonymous = GraphQlWebSocket.connect(port, Map.of())) {
      assertThat(anonymous.closeCode(WAIT)).isEqualTo(4401);
    }
    try (GraphQlWebSocket forged =
        GraphQlWebSocket.connect(port, Map.of("Authorization", "Bearer not.a.token"))) {
      assertThat(forged.closeCode(WAIT)).isEqualTo(4401);
    }
  }

  @Test
  void aSubscription_endsUnauthenticatedWhenItsTokenExpires() {
    try (GraphQlWebSocket admin =
        GraphQlWebSocket.connectWith(port, Tokens.shortLived("baishalu.admin"), null)) {
      admin.subscribe("1", CHANGES);

      JsonNode end = admin.next(Duration.ofSeconds(RealmDefinition.SHORT_TOKEN_SECONDS).plus(WAIT));

      assertThat(end).as("the end of the subscription").isNotNull();
      assertThat(end.path("type").asString()).isEqualTo("error");
      assertThat(code(end)).isEqualTo("UNAUTHENTICATED");
      newCommunity("live", "baishalu", "ACTIVE");
      assertThat(admin.next(QUIET)).as("nothing after its end").isNull();
    }
  }

  @Test
  void aRenewalWithSomeoneElsesToken_closesTheConnection_andABrokenMessageToo() {
    try (GraphQlWebSocket admin = GraphQlWebSocket.connectAs(port, "baishalu.admin", null)) {
      admin.subscribe("1", CHANGES);
      admin.renewToken(Tokens.of("baishalu.admin"));
      admin.sendRaw(
          "{\"type\":\"ping\",\"payload\":{\"Authorization\":\"Bearer "
              + Tokens.of("gutang.admin")
              + "\"}}");
      assertThat(admin.closeCode(WAIT)).isEqualTo(4403);
    }
    try (GraphQlWebSocket admin = GraphQlWebSocket.connectAs(port, "baishalu.admin", null)) {
      admin.sendRaw("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":" + "\u0000}");
      assertThat(admin.closeCode(WAIT)).isEqualTo(4400);
    }
  }

  @Test
  void aConsoleThatReconnectsWithItsLastPosition_getsWhatChangedMeanwhile_thenLiveChanges() {
    String key = newCommunity("resume", "baishalu", "ACTIVE");
    long seen;
    try (GraphQlWebSocket admin = GraphQlWebSocket.connectAs(port, "baishalu.admin", null)) {
      admin.subscribe("1", RESUMABLE, Map.of("street", "baishalu"));
      setStatus(key, "SUSPENDED");
      JsonNode suspended = nextOf(admin, key);
      assertThat(suspended.path("status").asString()).isEqualTo("SUSPENDED");
      seen = Long.parseLong(suspended.path("changePosition").asString());
    }
    // the console is closed (a lost connection, a reload) while two changes commit
    setStatus(key, "ACTIVE");
    setStatus(key, "ARCHIVED");

    try (GraphQlWebSocket admin = GraphQlWebSocket.connectAs(port, "baishalu.admin", null)) {
      admin.subscribe("1", RESUMABLE, Map.of("street", "baishalu", "after", Long.toString(seen)));
      JsonNode first = nextOf(admin, key);
      JsonNode second = nextOf(admin, key);
      long firstAt = Long.parseLong(first.path("changePosition").asString());
      long secondAt = Long.parseLong(second.path("changePosition").asString());
      assertThat(firstAt).as("after what was seen, in commit order").isGreaterThan(seen);
      assertThat(secondAt).isGreaterThan(firstAt);
      assertThat(second.path("status").asString())
          .as("as the entry is by then")
          .isEqualTo("ARCHIVED");

      setStatus(key, "ACTIVE");
      JsonNode live = nextOf(admin, key);
      assertThat(live.path("status").asString()).isEqualTo("ACTIVE");
      assertThat(Long.parseLong(live.path("changePosition").asString())).isGreaterThan(secondAt);
      assertThat(nextOf(admin, key, QUIET)).as("each change once").isNull();
    }
  }

  @Test
  void anotherStreetsAdminResumingFromBeforeAChange_isNotSentIt() {
    String key = newCommunity("foreign", "baishalu", "ACTIVE");
    long before;
    try (GraphQlWebSocket admin = GraphQlWebSocket.connectAs(port, "baishalu.admin", null)) {
      admin.subscribe("1", RESUMABLE, Map.of("street", "baishalu"));
      setStatus(key, "SUSPENDED");
      before = Long.parseLong(nextOf(admin, key).path("changePosition").asString()) - 1;
    }
    try (GraphQlWebSocket nosy = GraphQlWebSocket.connectAs(port, "gutang.admin", null)) {
      nosy.subscribe("1", RESUMABLE, Map.of("street", "baishalu", "after", Long.toString(before)));
      assertThat(nextOf(nosy, key, QUIET)).as("a change of a street not overseen").isNull();
    }
  }

  @Test
  void aChangeCommittedWhileTheListenerIsCutOff_stillReachesTheConsole() throws Exception {
    String key = newCommunity("cutoff", "baishalu", "ACTIVE");
    try (GraphQlWebSocket admin = GraphQlWebSocket.connectAs(port, "baishalu.admin", null)) {
      admin.subscribe("1", RESUMABLE, Map.of("street", "baishalu"));
      // cut off as its own role may (every tenant-admin's listener the tests run)
      try (Connection listenersRole =
          DriverManager.getConnection(
              TestStack.get().jdbcUrl(), DatabaseRoles.ADMIN, LocalPostgres.ADMIN_PASSWORD)) {
        listenersRole
            .createStatement()
            .execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = '"
                    + LISTENER
                    + "'");
        awaitNoListener(listenersRole);
      }
      // committed while the listener waits to reconnect: PostgreSQL tells it to nobody
      setStatus(key, "SUSPENDED");

      JsonNode suspended = nextOf(admin, key, Duration.ofSeconds(20));
      assertThat(suspended)
          .as("the change, read from the registry once listening again")
          .isNotNull();
      assertThat(suspended.path("status").asString()).isEqualTo("SUSPENDED");
    }
  }

  @Test
  void aPositionTheRegistryNeverGave_isRefused() {
    try (GraphQlWebSocket admin = GraphQlWebSocket.connectAs(port, "baishalu.admin", null)) {
      admin.subscribe("1", RESUMABLE, Map.of("after", "999999999999"));
      assertThat(code(answer(admin, "1"))).isEqualTo("BAD_USER_INPUT");
      admin.subscribe("2", RESUMABLE, Map.of("after", "-1"));
      assertThat(code(answer(admin, "2"))).isEqualTo("BAD_USER_INPUT");
      admin.subscribe("3", RESUMABLE, Map.of("after", "1".repeat(5_000)));
      assertThat(code(answer(admin, "3"))).isEqualTo("BAD_USER_INPUT");
      admin.subscribe("4", RESUMABLE, Map.of("after", "1\u0000"));
      assertThat(code(answer(admin, "4"))).isEqualTo("INVALID_INPUT");
    }
    // 10,000 characters are more than the socket takes in one message: closed as too big (1009)
    try (GraphQlWebSocket admin = GraphQlWebSocket.connectAs(port, "baishalu.admin", null)) {
      admin.sendRaw(
          "{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"subscription {"
              + " registeredCommunityChanges(after: \\\""
              + "1".repeat(10_000)
              + "\\\") { key } }\"}}");
      assertThat(admin.closeCode(WAIT)).isEqualTo(1009);
    }
  }

  private static final String LISTENER = "rg-listen-" + RegistryFeed.CHANNEL;

  private static void awaitNoListener(Connection connection) throws Exception {
    long giveUp = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < giveUp) {
      try (ResultSet listeners =
          connection
              .createStatement()
              .executeQuery(
                  "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                      + LISTENER
                      + "'")) {
        listeners.next();
        if (listeners.getInt(1) == 0) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the listener was not cut off");
  }

  /** The next change of this community on the socket, past other communities'. */
  private static JsonNode nextOf(GraphQlWebSocket socket, String key) {
    JsonNode change = nextOf(socket, key, WAIT);
    assertThat(change).as("a change of " + key).isNotNull();
    return change;
  }

  private static JsonNode nextOf(GraphQlWebSocket socket, String key, Duration wait) {
    long giveUp = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < giveUp) {
      JsonNode message = socket.next(Duration.ofNanos(giveUp - System.nanoTime()));
      if (message == null) {
        return null;
      }
      JsonNode community = message.at("/payload/data/registeredCommunityChanges");
      if (community.path("key").asString().equals(key)) {
        return community;
      }
    }
    return null;
  }

  private static void setStatus(String key, String status) {
    try (Connection owner = owner();
        PreparedStatement update =
            owner.prepareStatement("UPDATE rg.community SET status = ? WHERE key = ?")) {
      update.setString(1, status);
      update.setString(2, key);
      assertThat(update.executeUpdate()).isEqualTo(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String change(JsonNode message) {
    assertThat(message).as("an event").isNotNull();
    JsonNode community = message.at("/payload/data/registeredCommunityChanges");
    return community.path("key").asString() + " " + community.path("status").asString();
  }

  /** The answer to the operation of this id, past other messages (a "complete", say). */
  private static JsonNode answer(GraphQlWebSocket socket, String id) {
    for (JsonNode message = socket.next(WAIT); message != null; message = socket.next(WAIT)) {
      if (id.equals(message.path("id").asString())
          && !"complete".equals(message.path("type").asString())) {
        return message;
      }
    }
    throw new AssertionError("No answer to " + id);
  }

  /** The code of an error message, or of a refused operation's answer ("next" with errors). */
  private static String code(JsonNode message) {
    assertThat(message).as("an answer").isNotNull();
    JsonNode errors =
        message.path("type").asString().equals("error")
            ? message.path("payload")
            : message.at("/payload/errors");
    assertThat(message.at("/payload/data").isMissingNode() || message.at("/payload/data").isNull())
        .as("no data: %s", message)
        .isTrue();
    return errors.path(0).path("extensions").path("code").asString();
  }
}
