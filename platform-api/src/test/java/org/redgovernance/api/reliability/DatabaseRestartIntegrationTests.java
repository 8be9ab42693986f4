package org.redgovernance.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.matters.MatterDesk;
import org.redgovernance.api.support.OwnDatabase;
import org.redgovernance.api.support.SeparateInstance;
import org.redgovernance.api.support.TestSettings;
import org.redgovernance.api.support.Uploads;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.GraphQlWebSocket;
import org.redgovernance.testing.HttpJson;
import org.redgovernance.testing.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL stops and starts again while residents read, report matters and watch the board: the
 * requests during the outage fail fast with UNAVAILABLE, the service recovers by itself, no
 * committed report is lost or half-written, and the board's subscription misses none of them. The
 * service runs here on a database of its own, so that stopping it leaves the other tests alone.
 */
class DatabaseRestartIntegrationTests {

  private static final String TITLE = "重启期间的报告";
  private static final Duration OUTAGE = Duration.ofSeconds(4);
  private static final String BOARD =
      "subscription($after: String) { matterEvents(after: $after) { kind matterId position } }";

  /**
   * How long a request may take while the database is down: it waits for a connection at most 2 s
   * (rg's connection-timeout) before each of its statements, and the first failure ends it.
   */
  private static final Duration FAIL_FAST = Duration.ofSeconds(5);

  /** How long a request may take that waited for PostgreSQL to come back and then succeeded. */
  private static final Duration NO_HANG = Duration.ofSeconds(15);

  private static OwnDatabase database;
  private static SeparateInstance service;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    database = OwnDatabase.withDemoData();
    service = SeparateInstance.start(database.jdbcUrl(), database.personalDataKey());
    port = service.port();
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aRestartUnderLoad_failsFastWithUnavailable_losesNoCommittedWrite_andNoSubscriberMissesOne()
      throws Exception {
    GraphQlHttp graphql = new GraphQlHttp(port);
    MatterDesk desk = new MatterDesk(graphql);
    Map<String, String> committed = new ConcurrentHashMap<>();
    List<String> unexpected = new CopyOnWriteArrayList<>();
    AtomicInteger unavailable = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger written = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(3);
    // logged in before the load starts: Keycloak is not what this test stops
    Tokens.of("baiguoshu.admin");
    Tokens.of("baiguoshu.resident");

    try (GraphQlWebSocket board =
        GraphQlWebSocket.connectAs(port, "baiguoshu.supervisor", "baiguoshu")) {
      board.subscribe("1", BOARD, Map.of());
      for (int writer = 0; writer < 2; writer++) {
        clients.submit(
            () -> {
              while (running.get()) {
                String title = TITLE + " " + written.incrementAndGet();
                timed(
                    () -> report(desk, title),
                    unexpected,
                    unavailable,
                    answer ->
                        committed.put(answer.data("reportMatter.matter.id").asString(), title));
              }
              return null;
            });
      }
      clients.submit(
          () -> {
            while (running.get()) {
              timed(
                  () ->
                      graphql
                          .query("{ community(key: \"baiguoshu\") { name } }")
                          .as("baiguoshu.resident")
                          .execute(),
                  unexpected,
                  unavailable,
                  answer -> {});
            }
            return null;
          });

      awaitCommitted(committed, 5);
      int before = committed.size();
      database.stop();
      Instant down = Instant.now();
      int unavailableBefore = unavailable.get();
      assertThat(health("/actuator/health/liveness"))
          .as("alive while the database is down")
          .isEqualTo(200);
      awaitStatus("/actuator/health/readiness", 503);
      assertUploadRefusedWithoutATrace(committed.keySet().iterator().next());
      while (Instant.now().isBefore(down.plus(OUTAGE))) {
        Thread.sleep(100);
      }
      assertThat(unavailable.get())
          .as(
              "requests answered UNAVAILABLE while the database was down; unexpected: "
                  + unexpected)
          .isGreaterThan(unavailableBefore);

      database.startAgain();
      int atRestart = committed.size();
      awaitCommitted(committed, atRestart + 10);
      awaitStatus("/actuator/health/readiness", 200);
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

      assertThat(unexpected).as("answers other than data or UNAVAILABLE, or too slow").isEmpty();
      assertThat(before).isPositive();

      // every report the service confirmed is there, whole: the matter, its timeline entry and its
      // audit record; and nothing was half-written by a report it did not confirm
      try (Connection superuser = database.connectAsSuperuser()) {
        Map<String, int[]> stored = stored(superuser);
        assertThat(stored.keySet()).containsAll(committed.values());
        assertThat(stored)
            .allSatisfy(
                (title, parts) -> {
                  assertThat(parts[0]).as("timeline entries of " + title).isEqualTo(1);
                  assertThat(parts[1]).as("audit records of " + title).isEqualTo(1);
                });
      }

      // the board heard of every report the service confirmed, each once, across the outage: as
      // a client does, it subscribed again after the last position it received when its
      // subscription ended with UNAVAILABLE
      Set<String> heard = new HashSet<>();
      List<String> heardTwice = new ArrayList<>();
      List<String> ends = new ArrayList<>();
      String position = null;
      int subscription = 1;
      Instant giveUp = Instant.now().plusSeconds(60);
      while (!heard.containsAll(committed.keySet()) && Instant.now().isBefore(giveUp)) {
        JsonNode message = board.next(Duration.ofSeconds(2));
        if (message == null
            || !message.path("id").asString().equals(Integer.toString(subscription))) {
          continue;
        }
        String type = message.path("type").asString();
        if (type.equals("error")
            || type.equals("complete")
            || message.path("payload").has("errors")) {
          ends.add(message.toString());
          assertThat(message.toString())
              .as("why the board's subscription ended")
              .contains("UNAVAILABLE");
          subscription++;
          board.subscribe(
              Integer.toString(subscription),
              BOARD,
              position == null ? Map.of() : Map.of("after", position));
          continue;
        }
        JsonNode event = message.path("payload").path("data").path("matterEvents");
        position = event.path("position").asString();
        if (event.path("kind").asString().equals("REPORTED")
            && !heard.add(event.path("matterId").asString())) {
          heardTwice.add(event.path("matterId").asString());
        }
      }
      assertThat(heard).as("ended: " + ends).containsAll(committed.keySet());
      assertThat(heardTwice).isEmpty();
    } finally {
      running.set(false);
      clients.shutdownNow();
    }
  }

  /**
   * A photo uploaded while the database is down is answered UNAVAILABLE like a GraphQL request, and
   * the file stored before its row was to be written is removed again.
   */
  private static void assertUploadRefusedWithoutATrace(String matter) throws IOException {
    GlobalId id = GlobalId.decode(matter).orElseThrow();
    Path folder =
        Path.of(TestSettings.ATTACHMENTS)
            .toAbsolutePath()
            .resolve(id.communityId().toString())
            .resolve(id.id().toString());
    byte[] photo = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
    HttpJson.Response answer =
        Uploads.post(
            port,
            "/matter-attachments",
            "baiguoshu.admin",
            Map.of("matter", matter),
            "停电时.png",
            photo);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(503);
    assertThat(answer.body().path("code").asString()).isEqualTo("UNAVAILABLE");
    assertThat(answer.header("Retry-After")).isEqualTo("5");
    if (Files.isDirectory(folder)) {
      try (var left = Files.list(folder)) {
        assertThat(left.toList()).as("files left by the refused upload").isEmpty();
      }
    }
  }

  private static GraphQlResult report(MatterDesk desk, String title) {
    return desk.call(
        "baiguoshu.admin",
        "reportMatter",
        Map.of(
            "communityKey", "baiguoshu",
            "title", title,
            "description", "数据库重启期间巡查发现",
            "category", "SAFETY",
            "source", "GRID_PATROL"));
  }

  /**
   * Runs a request and files its answer: data (handed to {@code ok}), UNAVAILABLE (counted), or
   * anything else — another error, a failure, an UNAVAILABLE slower than {@link #FAIL_FAST}, or any
   * answer slower than {@link #NO_HANG} (one that waited for PostgreSQL to come back) — as
   * unexpected.
   */
  private static void timed(
      java.util.function.Supplier<GraphQlResult> request,
      List<String> unexpected,
      AtomicInteger unavailable,
      java.util.function.Consumer<GraphQlResult> ok) {
    Instant start = Instant.now();
    GraphQlResult answer;
    try {
      answer = request.get();
    } catch (RuntimeException e) {
      unexpected.add("failed: " + e);
      return;
    }
    Duration took = Duration.between(start, Instant.now());
    List<String> codes = answer.errorCodes();
    boolean refused = !codes.isEmpty() && codes.stream().allMatch("UNAVAILABLE"::equals);
    if (took.compareTo(refused ? FAIL_FAST : NO_HANG) > 0) {
      unexpected.add("took " + took.toMillis() + " ms: " + answer);
    }
    if (codes.isEmpty() && answer.status() == 200) {
      ok.accept(answer);
    } else if (refused) {
      unavailable.incrementAndGet();
      if (answer.header("Retry-After") == null) {
        unexpected.add("UNAVAILABLE without Retry-After: " + answer);
      }
    } else {
      unexpected.add(answer.status() + " " + answer);
    }
  }

  private static void awaitCommitted(Map<String, String> committed, int count)
      throws InterruptedException {
    Instant giveUp = Instant.now().plusSeconds(60);
    while (committed.size() < count && Instant.now().isBefore(giveUp)) {
      Thread.sleep(50);
    }
    assertThat(committed.size()).as("reports confirmed").isGreaterThanOrEqualTo(count);
  }

  /** Per matter of this test, by title: its timeline entries and its audit records. */
  private static Map<String, int[]> stored(Connection superuser) throws Exception {
    Map<String, int[]> stored = new HashMap<>();
    try (PreparedStatement select =
        superuser.prepareStatement(
            "SELECT m.title,"
                + " (SELECT count(*) FROM rg.matter_event e"
                + "   WHERE e.community_id = m.community_id AND e.matter_id = m.id),"
                + " (SELECT count(*) FROM rg.audit_event a"
                + "   WHERE a.community_id = m.community_id AND a.subject_id = m.id)"
                + " FROM rg.matter m WHERE m.title LIKE ?")) {
      select.setString(1, TITLE + "%");
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          stored.put(rows.getString(1), new int[] {rows.getInt(2), rows.getInt(3)});
        }
      }
    }
    return stored;
  }

  private static int health(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  private static void awaitStatus(String path, int status) throws Exception {
    Instant giveUp = Instant.now().plusSeconds(30);
    int last = health(path);
    while (last != status && Instant.now().isBefore(giveUp)) {
      Thread.sleep(200);
      last = health(path);
    }
    assertThat(last).as(path).isEqualTo(status);
  }
}
