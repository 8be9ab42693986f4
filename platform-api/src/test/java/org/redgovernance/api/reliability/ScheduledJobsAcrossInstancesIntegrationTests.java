package org.redgovernance.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.matters.MatterDesk;
import org.redgovernance.api.notifications.Dispatchers;
import org.redgovernance.api.support.OwnDatabase;
import org.redgovernance.api.support.SeparateInstance;
import org.redgovernance.testing.GraphQlHttp;

/**
 * Two instances on one database run every scheduled job at the same moment, three times over, then
 * both dispatch the notifications all that raised at once, in small batches: each item is still
 * handled once — a matter auto-closed once, a day's reminder raised once, a day's metric snapshot
 * recorded once, each notification delivered once per channel — and no job fails for the other
 * one's work.
 */
class ScheduledJobsAcrossInstancesIntegrationTests {

  private static final Path SMS = Path.of("target/jobs-across-instances/sms");
  private static final Path WECHAT = Path.of("target/jobs-across-instances/wechat");
  private static final int ROUNDS = 3;

  private static OwnDatabase database;
  private static SeparateInstance first;
  private static SeparateInstance second;

  @BeforeAll
  static void start() throws Exception {
    database = OwnDatabase.withDemoData();
    Map<String, String> settings =
        Map.of(
            // a verified matter is due to be closed a second after its verification
            "rg.matters.auto-close-after",
            "PT1S",
            // the test runs the dispatchers, both at once, when all the notifications wait; in
            // batches of 5, so that the two reach for the same deliveries again and again
            "rg.notifications.dispatch-every",
            "PT0S",
            "rg.notifications.batch",
            "5",
            "rg.sms.outbox",
            SMS.toAbsolutePath().toString(),
            "rg.wechat.outbox",
            WECHAT.toAbsolutePath().toString());
    first = database.instance(settings);
    second = database.instance(settings);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {first, second, database}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception ignored) {
        // the next one is closed all the same
      }
    }
  }

  @Test
  void everyJobRunOnBothInstancesAtOnce_handlesEachItemOnce() throws Exception {
    MatterDesk desk = new MatterDesk(new GraphQlHttp(first.port()));
    List<String> verified = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      verified.add(desk.at("VERIFIED", "两个实例同时自动办结 " + i));
    }
    List<String> overdue = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      overdue.add(desk.at("IN_PROGRESS", "两个实例同时提醒逾期 " + i));
    }
    try (Connection superuser = database.connectAsSuperuser()) {
      for (String matter : overdue) {
        GlobalId id = GlobalId.decode(matter).orElseThrow();
        try (PreparedStatement due =
            superuser.prepareStatement(
                "UPDATE rg.matter SET due_on = current_date - 3 WHERE community_id = ? AND id = ?")) {
          due.setObject(1, id.communityId());
          due.setObject(2, id.id());
          assertThat(due.executeUpdate()).isEqualTo(1);
        }
      }
    }
    Thread.sleep(1_100);

    Map<String, Runnable> onFirst = first.scheduledJobs();
    Map<String, Runnable> onSecond = second.scheduledJobs();
    assertThat(onFirst.keySet())
        .contains(
            "MatterAutoClose.run",
            "MatterReminders.run",
            "ActionItemReminders.run",
            "MetricSnapshots.run",
            "MeetingSeriesRoller.run",
            "NotificationDigests.run",
            "ChangeLogRetention.run")
        .isEqualTo(onSecond.keySet());
    List<String> failures = new CopyOnWriteArrayList<>();
    ExecutorService both = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        for (String job : onFirst.keySet()) {
          CyclicBarrier together = new CyclicBarrier(2);
          CompletableFuture.allOf(
                  CompletableFuture.runAsync(
                      () -> run(job, onFirst.get(job), together, failures), both),
                  CompletableFuture.runAsync(
                      () -> run(job, onSecond.get(job), together, failures), both))
              .get(120, TimeUnit.SECONDS);
        }
      }
    } finally {
      both.shutdownNow();
    }
    assertThat(failures).as("jobs that failed").isEmpty();

    try (Connection superuser = database.connectAsSuperuser()) {
      assertThat(waiting(superuser)).as("notifications waiting to be dispatched").isPositive();
      dispatchOnBoth(failures);
      assertThat(failures).as("dispatchers that failed").isEmpty();
      assertThat(waiting(superuser)).as("notifications still waiting").isZero();
      for (String matter : verified) {
        GlobalId id = GlobalId.decode(matter).orElseThrow();
        assertThat(
                count(
                    superuser,
                    "SELECT count(*) FROM rg.matter WHERE community_id = ? AND id = ?"
                        + " AND status = 'CLOSED'",
                    id))
            .as("closed: " + matter)
            .isEqualTo(1);
        assertThat(
                count(
                    superuser,
                    "SELECT count(*) FROM rg.matter_event WHERE community_id = ? AND matter_id = ?"
                        + " AND to_status = 'CLOSED'",
                    id))
            .as("closing timeline entries of " + matter)
            .isEqualTo(1);
      }
      for (String matter : overdue) {
        GlobalId id = GlobalId.decode(matter).orElseThrow();
        assertThat(
                count(
                    superuser,
                    "SELECT count(*) FROM rg.notification_intent WHERE community_id = ?"
                        + " AND subject_id = ? AND kind = 'MATTER_OVERDUE'",
                    id))
            .as("today's overdue reminders of " + matter)
            .isEqualTo(1);
      }
      assertThat(
              rows(
                  superuser,
                  "SELECT community_id || ' ' || metric_key || ' ' || day FROM rg.metric_snapshot"
                      + " GROUP BY community_id, metric_key, day HAVING count(*) > 1"))
          .as("metric values recorded twice")
          .isEmpty();
      assertThat(
              count(
                  superuser,
                  "SELECT count(DISTINCT community_id) FROM rg.metric_snapshot"
                      + " WHERE day = (now() AT TIME ZONE 'Asia/Shanghai')::date",
                  null))
          .as("communities with today's snapshot")
          .isPositive();
      assertThat(
              rows(
                  superuser,
                  "SELECT notification_id || ' ' || channel FROM rg.notification_attempt"
                      + " GROUP BY community_id, notification_id, channel HAVING count(*) > 1"))
          .as("deliveries tried more than once")
          .isEmpty();
      assertThat(
              count(
                  superuser,
                  "SELECT count(*) FROM rg.notification_delivery WHERE status = 'SENT'",
                  null))
          .as("deliveries sent")
          .isPositive();
      assertThat(
              rows(
                  superuser,
                  "SELECT notification_id || ' ' || channel || ' ' || status"
                      + " FROM rg.notification_delivery WHERE status NOT IN ('SENT', 'SKIPPED')"))
          .as("deliveries neither sent nor skipped")
          .isEmpty();
      assertThat(messagesIn(SMS))
          .as("text messages sent, one per delivery")
          .isEqualTo(
              count(
                  superuser,
                  "SELECT count(*) FROM rg.notification_delivery WHERE channel = 'SMS'"
                      + " AND status = 'SENT'",
                  null));
    }
  }

  /**
   * What one dispatcher holds, the other passes over: it neither waits for it nor takes it. An
   * intent and then a delivery are held in another transaction (as a dispatcher on another instance
   * holds what it is working on); a pass of the dispatcher here settles everything else within
   * seconds and leaves those two untouched, and takes them once they are let go. Without SKIP
   * LOCKED the pass would wait for the holder to finish.
   */
  @Test
  void aDispatcherPassesOverWhatAnotherHolds_insteadOfWaitingForIt() throws Exception {
    MatterDesk desk = new MatterDesk(new GraphQlHttp(first.port()));
    for (int i = 0; i < 3; i++) {
      desk.at("ACCEPTED", "另一实例正在发送的通知 " + i);
    }
    IntSupplier dispatcher = Dispatchers.of(first);
    try (Connection superuser = database.connectAsSuperuser();
        Connection holder = database.connectAsSuperuser()) {
      assertThat(
              count(
                  superuser,
                  "SELECT count(*) FROM rg.notification_intent WHERE expanded_at IS NULL",
                  null))
          .as("intents waiting")
          .isGreaterThan(1);

      String heldIntent =
          hold(
              holder,
              "SELECT id::text FROM rg.notification_intent WHERE expanded_at IS NULL"
                  + " ORDER BY not_before LIMIT 1 FOR UPDATE");
      passWithin(dispatcher, 15);
      assertThat(
              rows(
                  superuser,
                  "SELECT id::text FROM rg.notification_intent WHERE expanded_at IS NULL"))
          .as("intents left: only the one held elsewhere")
          .containsExactly(heldIntent);
      holder.rollback();

      passWithin(dispatcher, 30);
      // two deliveries due again, as tries that failed and are due for another
      try (PreparedStatement retry =
          superuser.prepareStatement(
              "UPDATE rg.notification_delivery SET status = 'FAILED',"
                  + " next_attempt_at = now() - interval '1 second'"
                  + " WHERE (community_id, notification_id, channel) IN (SELECT community_id,"
                  + " notification_id, channel FROM rg.notification_delivery"
                  + " WHERE status = 'SENT' LIMIT 2)")) {
        assertThat(retry.executeUpdate()).isEqualTo(2);
      }
      String heldDelivery =
          hold(
              holder,
              "SELECT notification_id || ' ' || channel FROM rg.notification_delivery"
                  + " WHERE status = 'FAILED' ORDER BY next_attempt_at LIMIT 1 FOR UPDATE");
      passWithin(dispatcher, 15);
      assertThat(
              rows(
                  superuser,
                  "SELECT notification_id || ' ' || channel FROM rg.notification_delivery"
                      + " WHERE status IN ('PENDING', 'SENDING', 'FAILED')"))
          .as("deliveries left: only the one held elsewhere")
          .containsExactly(heldDelivery);
      holder.rollback();

      passWithin(dispatcher, 30);
      assertThat(waiting(superuser)).as("waiting once nothing is held").isZero();
    }
  }

  /** Locks the row {@code select} finds in a transaction left open; its first column. */
  private static String hold(Connection holder, String select) throws Exception {
    holder.setAutoCommit(false);
    try (PreparedStatement lock = holder.prepareStatement(select);
        ResultSet row = lock.executeQuery()) {
      assertThat(row.next()).as("a row to hold: " + select).isTrue();
      return row.getString(1);
    }
  }

  /** One pass of the dispatcher, which must be over within {@code seconds}. */
  private static void passWithin(IntSupplier dispatcher, int seconds) throws Exception {
    ExecutorService alone = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture.supplyAsync(dispatcher::getAsInt, alone).get(seconds, TimeUnit.SECONDS);
    } finally {
      alone.shutdownNow();
    }
  }

  /** Runs {@code job} once the other instance is ready to run it too; files what it throws. */
  private static void run(
      String job, Runnable runnable, CyclicBarrier together, List<String> failures) {
    try {
      together.await(30, TimeUnit.SECONDS);
      runnable.run();
    } catch (Exception | Error e) {
      failures.add(job + ": " + e);
    }
  }

  /**
   * Both instances' dispatchers, started together, each passing again until a pass of both settles
   * nothing (at most a minute).
   */
  private static void dispatchOnBoth(List<String> failures) throws Exception {
    ExecutorService both = Executors.newFixedThreadPool(2);
    Instant giveUp = Instant.now().plusSeconds(60);
    try {
      int settled;
      do {
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Integer> onFirst =
            CompletableFuture.supplyAsync(
                () -> dispatch(Dispatchers.of(first), together, failures), both);
        CompletableFuture<Integer> onSecond =
            CompletableFuture.supplyAsync(
                () -> dispatch(Dispatchers.of(second), together, failures), both);
        settled = onFirst.get(60, TimeUnit.SECONDS) + onSecond.get(60, TimeUnit.SECONDS);
      } while (settled > 0 && failures.isEmpty() && Instant.now().isBefore(giveUp));
    } finally {
      both.shutdownNow();
    }
  }

  private static int dispatch(
      IntSupplier dispatcher, CyclicBarrier together, List<String> failures) {
    try {
      together.await(30, TimeUnit.SECONDS);
      return dispatcher.getAsInt();
    } catch (Exception | Error e) {
      failures.add("dispatcher: " + e);
      return 0;
    }
  }

  /** Intents not yet expanded and deliveries not yet settled. */
  private static long waiting(Connection superuser) throws Exception {
    return count(
        superuser,
        "SELECT (SELECT count(*) FROM rg.notification_intent WHERE expanded_at IS NULL)"
            + " + (SELECT count(*) FROM rg.notification_delivery"
            + " WHERE status IN ('PENDING', 'SENDING'))",
        null);
  }

  private static long count(Connection superuser, String sql, GlobalId id) throws Exception {
    try (PreparedStatement select = superuser.prepareStatement(sql)) {
      if (id != null) {
        select.setObject(1, id.communityId());
        select.setObject(2, id.id());
      }
      try (ResultSet result = select.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  private static List<String> rows(Connection superuser, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (PreparedStatement select = superuser.prepareStatement(sql);
        ResultSet result = select.executeQuery()) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }

  private static long messagesIn(Path outbox) throws Exception {
    if (!Files.isDirectory(outbox)) {
      return 0;
    }
    try (var files = Files.list(outbox)) {
      return files.count();
    }
  }
}
