package org.redgovernance.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLEnumType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.events.ChangeEvents;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.matters.MatterDesk;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.support.Inbox;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.AccessScopes;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.GraphQlWebSocket;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import tools.jackson.databind.JsonNode;

/**
 * Notifications as the people of a community rely on them: what a matter's steps tell whom, in
 * their own inbox only; an intent that commits or rolls back with its change; exactly one delivery
 * per notification and channel however many dispatchers run; retries, dead letters and the delivery
 * log when a channel fails; nothing for someone who lost their part before it went out.
 */
class NotificationsIntegrationTests extends IntegrationTest {

  private static final String COMMUNITY = "baiguoshu";
  private static final String RESIDENT = "baiguoshu.resident";
  private static final String SUPERVISOR = "baiguoshu.supervisor";

  @Autowired NotificationDispatcher dispatcher;
  @Autowired AccessScopes scopes;
  @Autowired TenantTransactions transactions;
  @Autowired NotificationRepository repository;
  @Autowired NotificationSettingsRepository settingsRepository;
  @Autowired List<NotificationSubject> subjects;
  @Autowired NotificationTemplates templates;
  @Autowired ChangeEvents events;
  @Autowired GraphQlSource graphQlSource;

  private MatterDesk desk;

  @BeforeEach
  void quietOutbox() {
    desk = new MatterDesk(graphql);
    // what other test classes left in the outbox goes out first, so that counts below are ours
    dispatcher.dispatch();
  }

  @Test
  void anAcceptedMatter_reachesItsReporter_andNobodyElse() {
    String matter = reported("楼道灯不亮 通知测试");
    step("baiguoshu.secretary", "acceptMatter", Map.of("id", matter));
    dispatcher.dispatch();

    JsonNode inbox = inbox(RESIDENT, Map.of("unread", true));
    JsonNode mine = about(inbox, matter);
    assertThat(mine).as("%s", inbox).isNotNull();
    assertThat(mine.path("kind").asString()).isEqualTo("MATTER_ACCEPTED");
    assertThat(mine.path("category").asString()).isEqualTo("MATTERS_I_RAISED");
    assertThat(mine.path("title").asString()).isEqualTo("您反映的事项已受理");
    assertThat(mine.path("body").asString()).contains("「楼道灯不亮 通知测试」已受理");
    assertThat(mine.path("link").asString()).isEqualTo("/c/baiguoshu/Matter/" + matter);
    assertThat(mine.path("community").path("key").asString()).isEqualTo(COMMUNITY);
    assertThat(mine.path("read").asBoolean()).isFalse();

    for (String other :
        List.of(
            "baiguoshu.secretary",
            "baiguoshu.admin",
            SUPERVISOR,
            "xinhua.resident",
            "platform.operator")) {
      assertThat(about(inbox(other, Map.of()), matter)).as(other).isNull();
    }
    GraphQlResult node =
        graphql.document("node").as("baiguoshu.admin").variable("id", id(mine)).execute();
    assertThat(node.data("node").isNull()).as("an admin reads no one's inbox: %s", node).isTrue();
  }

  @Test
  void theUnreadCount_fallsAsTheReporterMarksThemRead() {
    String first = reported("通知已读测试一");
    String second = reported("通知已读测试二");
    step("baiguoshu.secretary", "acceptMatter", Map.of("id", first));
    step("baiguoshu.secretary", "rejectMatter", Map.of("id", second, "reason", "不属于社区职责"));
    dispatcher.dispatch();
    int unread = inbox(RESIDENT, Map.of("unread", true)).path("totalCount").asInt();
    assertThat(unread).isGreaterThanOrEqualTo(2);

    JsonNode accepted = about(inbox(RESIDENT, Map.of()), first);
    GraphQlResult marked =
        graphql
            .document("markNotificationRead")
            .as(RESIDENT)
            .variable("input", Map.of("id", id(accepted)))
            .execute();
    assertThat(marked.data("markNotificationRead.errors").size()).as("%s", marked).isZero();
    assertThat(marked.data("markNotificationRead.notification.read").asBoolean()).isTrue();
    assertThat(inbox(RESIDENT, Map.of("unread", true)).path("totalCount").asInt())
        .isEqualTo(unread - 1);

    GraphQlResult again =
        graphql
            .document("markNotificationRead")
            .as(RESIDENT)
            .variable("input", Map.of("id", id(accepted)))
            .execute();
    assertThat(again.data("markNotificationRead.notification.readAt").asString())
        .as("marking twice keeps the first time")
        .isEqualTo(marked.data("markNotificationRead.notification.readAt").asString());

    GraphQlResult all =
        graphql
            .document("markAllNotificationsRead")
            .as(RESIDENT)
            .variable("input", Map.of("communityKey", COMMUNITY))
            .execute();
    assertThat(all.data("markAllNotificationsRead.marked").asInt()).isEqualTo(unread - 1);
    assertThat(inbox(RESIDENT, Map.of("unread", true)).path("totalCount").asInt()).isZero();
  }

  @Test
  void nobodyMarksAnotherPersonsNotification() {
    String matter = reported("他人通知测试");
    step("baiguoshu.secretary", "acceptMatter", Map.of("id", matter));
    dispatcher.dispatch();
    String notification = id(about(inbox(RESIDENT, Map.of()), matter));
    for (String other : List.of("baiguoshu.admin", SUPERVISOR, "platform.operator")) {
      GraphQlResult refused =
          graphql
              .document("markNotificationRead")
              .as(other)
              .variable("input", Map.of("id", notification))
              .execute();
      assertThat(refused.data("markNotificationRead.errors.0.code").asString())
          .as("%s: %s", other, refused)
          .isEqualTo("NOT_FOUND");
      graphql.document("markAllNotificationsRead").as(other).variable("input", Map.of()).execute();
    }
    assertThat(about(inbox(RESIDENT, Map.of("unread", true)), matter)).isNotNull();
  }

  @Test
  void nulBytesAndHugeStrings_areTypedErrors_andMarkNothing() {
    String matter = reported("输入攻击测试");
    step("baiguoshu.secretary", "acceptMatter", Map.of("id", matter));
    dispatcher.dispatch();
    String notification = id(about(inbox(RESIDENT, Map.of()), matter));
    for (String bad : List.of(notification + "\u0000", "x".repeat(10_000), "\u0000")) {
      GraphQlResult one =
          graphql
              .document("markNotificationRead")
              .as(RESIDENT)
              .variable("input", Map.of("id", bad))
              .execute();
      assertThat(
              one.errorCodes().isEmpty()
                  ? List.of(one.data("markNotificationRead.errors.0.code").asString())
                  : one.errorCodes())
          .as("%s", one)
          .containsAnyOf("INVALID_INPUT", "NOT_FOUND");
      GraphQlResult all =
          graphql
              .document("markAllNotificationsRead")
              .as(RESIDENT)
              .variable("input", Map.of("communityKey", bad))
              .execute();
      assertThat(
              all.errorCodes().isEmpty()
                  ? List.of(all.data("markAllNotificationsRead.errors.0.code").asString())
                  : all.errorCodes())
          .as("%s", all)
          .containsAnyOf("INVALID_INPUT", "NOT_FOUND");
      GraphQlResult filtered =
          graphql
              .document("notifications")
              .as(RESIDENT)
              .variable("filter", Map.of("communityKey", bad))
              .execute();
      assertThat(filtered.hasErrors() || filtered.data("notifications.edges").isEmpty())
          .as("%s", filtered)
          .isTrue();
    }
    assertThat(about(inbox(RESIDENT, Map.of("unread", true)), matter))
        .as("still unread")
        .isNotNull();
  }

  @Test
  void aRefusedStep_leavesNoIntent_andATakenOneLeavesExactlyOne() {
    String matter = reported("意图事务测试");
    UUID local = GlobalId.decode(matter).orElseThrow().id();
    GraphQlResult conflict =
        step(
            "baiguoshu.secretary",
            "acceptMatter",
            Map.of("id", matter, "expectedVersion", 9),
            false);
    assertThat(conflict.data("acceptMatter.errors.0.code").asString()).isEqualTo("CONFLICT");
    assertThat(intents(local)).isZero();

    step("baiguoshu.secretary", "acceptMatter", Map.of("id", matter));
    assertThat(intents(local)).isEqualTo(1);
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.notification_intent WHERE subject_id = ?"
                    + " AND kind = 'MATTER_ACCEPTED' AND audience = 'REPORTER'",
                local))
        .isEqualTo(1);
  }

  @Test
  void aResolvedMatter_asksTheSupervisoryCommittee_whileItWaitsForThem() {
    String matter = reported("核实通知测试");
    step("baiguoshu.secretary", "acceptMatter", Map.of("id", matter));
    step("baiguoshu.secretary", "assignMatter", desk.assignment(matter));
    step("baiguoshu.admin", "resolveMatter", Map.of("id", matter, "resolution", "已修好"));
    dispatcher.dispatch();
    JsonNode waiting = about(inbox(SUPERVISOR, Map.of()), matter);
    assertThat(waiting).isNotNull();
    assertThat(waiting.path("kind").asString()).isEqualTo("MATTER_RESOLVED");
    assertThat(waiting.path("category").asString()).isEqualTo("VERIFICATIONS_WAITING");

    step(SUPERVISOR, "verifyMatter", Map.of("id", matter));
    dispatcher.dispatch();
    List<String> kinds = kinds(inbox(RESIDENT, Map.of("first", 100)), matter);
    assertThat(kinds).contains("MATTER_ACCEPTED", "MATTER_VERIFIED");
    assertThat(kinds(inbox(SUPERVISOR, Map.of("first", 100)), matter))
        .as("the one who verified is not told of their own step")
        .containsExactly("MATTER_RESOLVED");
  }

  @Test
  void aFormerAssignee_getsNothing_whenTheMatterWasHandedOnBeforeDelivery() {
    String matter = reported("改派通知测试");
    step("baiguoshu.secretary", "acceptMatter", Map.of("id", matter));
    step("baiguoshu.secretary", "assignMatter", assignment(matter, residentOf(SUPERVISOR)));
    dispatcher.expand();
    step("baiguoshu.secretary", "assignMatter", desk.assignment(matter));
    dispatcher.dispatch();

    assertThat(about(inbox(SUPERVISOR, Map.of()), matter))
        .as("handed on before it went out")
        .isNull();
    UUID local = GlobalId.decode(matter).orElseThrow().id();
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.notification_delivery d JOIN rg.notification n"
                    + " ON n.community_id = d.community_id AND n.id = d.notification_id"
                    + " WHERE n.subject_id = ? AND d.status = 'SKIPPED'",
                local))
        .isEqualTo(1);
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.notification_attempt a JOIN rg.notification n"
                    + " ON n.community_id = a.community_id AND n.id = a.notification_id"
                    + " WHERE n.subject_id = ? AND a.outcome = 'SKIPPED'",
                local))
        .isEqualTo(1);
  }

  @Test
  void twoDispatchersRacing_deliverEveryNotificationOncePerChannel() throws Exception {
    List<UUID> matters = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String matter = reported("并发派送测试 " + i);
      step("baiguoshu.secretary", "acceptMatter", Map.of("id", matter));
      matters.add(GlobalId.decode(matter).orElseThrow().id());
    }
    Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    ChannelAdapter recording =
        new ChannelAdapter() {
          @Override
          public NotificationChannel channel() {
            return NotificationChannel.IN_APP;
          }

          @Override
          public String send(Message message) {
            sent.computeIfAbsent(message.deliveryKey(), key -> new AtomicInteger())
                .incrementAndGet();
            return "recorded";
          }
        };
    NotificationDispatcher.Settings small =
        new NotificationDispatcher.Settings(
            3, 3, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(2));
    List<NotificationDispatcher> racing =
        List.of(
            dispatcherWith(List.of(recording), small), dispatcherWith(List.of(recording), small));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (NotificationDispatcher one : racing) {
        runs.add(
            threads.submit(
                () -> {
                  start.await();
                  return one.dispatch();
                }));
      }
      start.countDown();
      int settled = 0;
      for (Future<Integer> run : runs) {
        settled += run.get();
      }
      assertThat(settled).isGreaterThanOrEqualTo(matters.size());
    } finally {
      threads.shutdownNow();
    }
    assertThat(sent.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    for (UUID matter : matters) {
      assertThat(
              Rows.count(
                  "SELECT count(*) FROM rg.notification WHERE subject_id = ? AND shown_at IS NOT NULL",
                  matter))
          .as("one notification for the reporter of %s", matter)
          .isEqualTo(1);
      assertThat(
              Rows.count(
                  "SELECT count(*) FROM rg.notification_attempt a JOIN rg.notification n"
                      + " ON n.community_id = a.community_id AND n.id = a.notification_id"
                      + " WHERE n.subject_id = ?",
                  matter))
          .isEqualTo(1);
    }
  }

  @Test
  void aFailingChannel_isTriedAgainLater_thenDeadLettered_whileTheInboxGetsIt() {
    // at night (22:00–07:00 in Shanghai) the resident's default quiet hours would hold WeChat back
    ResidentSettings.updated(graphql, Map.of("quietHours", ResidentSettings.noQuietHours()));
    try {
      failingChannelRetriedThenDeadLettered();
    } finally {
      ResidentSettings.updated(
          graphql, Map.of("quietHours", Map.of("from", "22:00", "until", "07:00")));
    }
  }

  private void failingChannelRetriedThenDeadLettered() {
    String matter = reported("失败重试测试");
    step("baiguoshu.secretary", "acceptMatter", Map.of("id", matter));
    List<String> tries = new CopyOnWriteArrayList<>();
    ChannelAdapter failing =
        new ChannelAdapter() {
          @Override
          public NotificationChannel channel() {
            return NotificationChannel.WECHAT;
          }

          @Override
          public String send(Message message) throws DeliveryFailure {
            tries.add(message.deliveryKey());
            throw new DeliveryFailure("WeChat said 45009: reach max api daily quota limit");
          }
        };
    NotificationDispatcher.Settings noWait =
        new NotificationDispatcher.Settings(
            100, 3, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(2));
    NotificationDispatcher withMail = dispatcherWith(List.of(new InAppChannel(), failing), noWait);
    withMail.expand();
    UUID local = GlobalId.decode(matter).orElseThrow().id();
    for (int round = 1; round <= 4; round++) {
      withMail.deliver();
    }
    assertThat(tries).hasSize(3);
    assertThat(deliveryStatus(local, "WECHAT")).isEqualTo("DEAD");
    assertThat(deliveryStatus(local, "IN_APP")).isEqualTo("SENT");
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.notification_attempt a JOIN rg.notification n"
                    + " ON n.community_id = a.community_id AND n.id = a.notification_id"
                    + " WHERE n.subject_id = ? AND a.channel = 'WECHAT' AND a.outcome = 'FAILED'"
                    + " AND a.detail LIKE '%45009%'",
                local))
        .isEqualTo(3);
    assertThat(about(inbox(RESIDENT, Map.of()), matter)).isNotNull();
  }

  @Test
  void anIntentWhoseFeatureFails_waitsAndIsGivenUp_withoutHoldingUpTheOthers() {
    String communityId = Rows.text("SELECT id::text FROM rg.community WHERE key = ?", COMMUNITY);
    UUID poison = UUID.randomUUID();
    Rows.update(
        "INSERT INTO rg.notification_intent (community_id, id, category, kind, subject_type,"
            + " subject_id, audience, actor_id, created_at, not_before)"
            + " VALUES (?::uuid, ?, 'MATTERS_I_RAISED', 'MATTER_ACCEPTED', 'Poison', ?, 'REPORTER',"
            + " 'tests', now() - interval '1 hour', now() - interval '1 hour')",
        communityId,
        poison,
        UUID.randomUUID());
    String matter = reported("毒丸测试");
    step("baiguoshu.secretary", "acceptMatter", Map.of("id", matter));
    NotificationSubject throwing =
        new NotificationSubject() {
          @Override
          public String subjectType() {
            return "Poison";
          }

          @Override
          public Set<String> recipients(
              org.jooq.DSLContext dsl, UUID community, UUID id, String audience) {
            dsl.execute("SELECT 1 / 0");
            return Set.of();
          }

          @Override
          public Map<String, String> values(org.jooq.DSLContext dsl, UUID community, UUID id) {
            return Map.of();
          }
        };
    List<NotificationSubject> withPoison = new ArrayList<>(subjects);
    withPoison.add(throwing);
    NotificationDispatcher.Settings noWait =
        new NotificationDispatcher.Settings(
            100, 3, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(2));
    NotificationDispatcher poisoned =
        new NotificationDispatcher(
            scopes,
            transactions,
            repository,
            withPoison,
            reaching(List.of(new InAppChannel())),
            settingsRepository,
            templates,
            events,
            noWait);

    poisoned.dispatch();
    assertThat(about(inbox(RESIDENT, Map.of()), matter)).as("the intent behind it").isNotNull();
    assertThat(Rows.text("SELECT failures::text FROM rg.notification_intent WHERE id = ?", poison))
        .isEqualTo("1");
    for (int round = 2; round <= NotificationDispatcher.MAX_EXPANSION_FAILURES; round++) {
      poisoned.expand();
    }
    assertThat(
            Rows.text(
                "SELECT (expanded_at IS NOT NULL)::text || failures FROM rg.notification_intent"
                    + " WHERE id = ?",
                poison))
        .as("given up after the last failure")
        .isEqualTo("true" + NotificationDispatcher.MAX_EXPANSION_FAILURES);
  }

  @Test
  void theWaitBetweenTries_doublesUpToItsCap() {
    NotificationDispatcher spaced =
        dispatcherWith(
            List.of(),
            new NotificationDispatcher.Settings(
                10, 8, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(2)));
    assertThat(spaced.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(spaced.backoff(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(spaced.backoff(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(spaced.backoff(4)).isEqualTo(Duration.ofMinutes(4));
    assertThat(spaced.backoff(5)).isEqualTo(Duration.ofMinutes(5));
    assertThat(spaced.backoff(50)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aLiveInbox_hearsOfItsOwnNotifications_andOfNobodyElses() {
    String matter = reported("实时通知测试");
    try (GraphQlWebSocket residents = GraphQlWebSocket.connectAs(port, RESIDENT, null);
        GraphQlWebSocket supervisors = GraphQlWebSocket.connectAs(port, SUPERVISOR, null)) {
      residents.subscribe("1", GraphQlHttp.load("notificationEvents"));
      supervisors.subscribe("1", GraphQlHttp.load("notificationEvents"));
      step("baiguoshu.secretary", "acceptMatter", Map.of("id", matter));
      dispatcher.dispatch();
      JsonNode received = residents.next(Duration.ofSeconds(10));
      JsonNode event = received.path("payload").path("data").path("notificationEvents");
      assertThat(event.path("kind").asString()).as("%s", received).isEqualTo("RECEIVED");
      assertThat(event.path("notification").path("kind").asString()).isEqualTo("MATTER_ACCEPTED");
      assertThat(event.path("notification").path("subjectId").asString()).isEqualTo(matter);

      // the supervisor's first event is their own, later one: the resident's never reached them
      step("baiguoshu.secretary", "assignMatter", desk.assignment(matter));
      step("baiguoshu.admin", "resolveMatter", Map.of("id", matter, "resolution", "已修好"));
      dispatcher.dispatch();
      JsonNode theirs = supervisors.next(Duration.ofSeconds(10));
      assertThat(
              theirs
                  .path("payload")
                  .path("data")
                  .path("notificationEvents")
                  .path("notification")
                  .path("kind")
                  .asString())
          .as("%s", theirs)
          .isEqualTo("MATTER_RESOLVED");
    }
  }

  @Test
  void aScheduledMeeting_tellsTheInvitedBodiesSeatedMembers_andItsCancellationToo() {
    String committee = desk.bodyId("SUPERVISORY_COMMITTEE");
    GraphQlResult scheduled =
        step(
            "baiguoshu.secretary",
            "scheduleMeeting",
            Map.of(
                "communityKey",
                COMMUNITY,
                "kind",
                "DELIBERATION",
                "title",
                "居监会议事 通知测试",
                "startsAt",
                "2031-03-06T11:00:00Z",
                "placeText",
                "社区议事厅",
                "invitedBodyIds",
                List.of(committee)));
    String meeting = scheduled.data("scheduleMeeting.meeting.id").asString();
    dispatcher.dispatch();
    JsonNode invitation = about(inbox(SUPERVISOR, Map.of()), meeting);
    assertThat(invitation).isNotNull();
    assertThat(invitation.path("kind").asString()).isEqualTo("MEETING_SCHEDULED");
    assertThat(invitation.path("category").asString()).isEqualTo("MEETINGS");
    assertThat(invitation.path("body").asString())
        .isEqualTo("请参加「居监会议事 通知测试」，时间：2031-03-06 19:00，地点：社区议事厅。");
    assertThat(about(inbox(RESIDENT, Map.of()), meeting)).as("not invited").isNull();

    LocalDate dueOn = LocalDate.now(ReadRequest.ZONE).plusDays(5);
    GraphQlResult added =
        step(
            "baiguoshu.secretary",
            "addActionItem",
            Map.of(
                "meetingId",
                meeting,
                "description",
                "核对议事记录",
                "ownerId",
                residentOf(SUPERVISOR),
                "dueOn",
                dueOn.toString()));
    String actionItem = added.data("addActionItem.actionItem.id").asString();
    dispatcher.dispatch();
    JsonNode assigned = about(inbox(SUPERVISOR, Map.of()), actionItem);
    assertThat(assigned).isNotNull();
    assertThat(assigned.path("kind").asString()).isEqualTo("ACTION_ITEM_ASSIGNED");
    assertThat(assigned.path("body").asString())
        .isEqualTo("「居监会议事 通知测试」给您分配了一项待办，请在" + dueOn + "前完成。");

    step("baiguoshu.secretary", "cancelMeeting", Map.of("id", meeting, "reason", "改期"));
    dispatcher.dispatch();
    assertThat(kinds(inbox(SUPERVISOR, Map.of()), meeting))
        .containsExactly("MEETING_CANCELLED", "MEETING_SCHEDULED");
  }

  @Test
  void aNoticeForEveryone_reachesTheResidentsWithAnAccount_unlessWithdrawnBeforeItWentOut() {
    GraphQlResult published =
        step(
            "baiguoshu.secretary",
            "publishNotice",
            Map.of("communityKey", COMMUNITY, "title", "停水通知 通知测试", "body", "周六停水。"));
    String notice = published.data("publishNotice.notice.id").asString();
    dispatcher.dispatch();
    for (String reader : List.of(RESIDENT, SUPERVISOR)) {
      JsonNode news = about(inbox(reader, Map.of()), notice);
      assertThat(news).as(reader).isNotNull();
      assertThat(news.path("kind").asString()).isEqualTo("NOTICE_PUBLISHED");
      assertThat(news.path("body").asString()).isEqualTo("「停水通知 通知测试」，请查阅。");
    }
    assertThat(about(inbox("xinhua.resident", Map.of()), notice)).isNull();

    String withdrawn =
        step(
                "baiguoshu.secretary",
                "publishNotice",
                Map.of("communityKey", COMMUNITY, "title", "发错的通知", "body", "作废。"))
            .data("publishNotice.notice.id")
            .asString();
    step("baiguoshu.secretary", "withdrawNotice", Map.of("id", withdrawn, "reason", "发错了"));
    dispatcher.dispatch();
    assertThat(about(inbox(RESIDENT, Map.of()), withdrawn)).isNull();
  }

  @Test
  void aRoleGranted_tellsThePerson_unlessItWasRevokedBeforeItWentOut() {
    String residentId = "d3e00000-0000-4000-8000-000000000008";
    // what tenant-admin writes when an admin grants a role: the mirror's row and the intent
    UUID kept = granted(residentId, "OWNER_REP");
    UUID revoked = granted(residentId, "OWNERS_COMMITTEE");
    try {
      dispatcher.expand();
      Rows.update("DELETE FROM rg.community_role_holder WHERE id = ?", revoked);
      dispatcher.dispatch();

      JsonNode told =
          about(inbox(RESIDENT, Map.of()), GlobalId.of("CommunityRole", baiguoshu(), kept));
      assertThat(told).isNotNull();
      assertThat(told.path("kind").asString()).isEqualTo("COMMUNITY_ROLE_GRANTED");
      assertThat(told.path("category").asString()).isEqualTo("ROLES");
      assertThat(told.path("body").asString()).isEqualTo("您已成为白果树社区的“业主代表”，可在应用中使用相应的功能。");
      assertThat(
              about(inbox(RESIDENT, Map.of()), GlobalId.of("CommunityRole", baiguoshu(), revoked)))
          .as("revoked before it went out")
          .isNull();
    } finally {
      Rows.update("DELETE FROM rg.community_role_holder WHERE id = ?", kept);
    }
  }

  @Test
  void someoneWhoseRolesWereAllRevoked_getsNothing_evenWhatWasAlreadyMadeForThem_norLive() {
    String residentId = "d3e00000-0000-4000-8000-000000000008";
    // their live inbox opened while they still held their roles (a token not yet expired)
    GraphQlWebSocket live = GraphQlWebSocket.connectAs(port, RESIDENT, null);
    live.subscribe("1", GraphQlHttp.load("notificationEvents"));
    String made = reported("撤销角色前测试");
    step("baiguoshu.secretary", "acceptMatter", Map.of("id", made));
    dispatcher.expand();
    String after = reported("撤销角色后测试");
    step("baiguoshu.secretary", "acceptMatter", Map.of("id", after));
    List<String> roles =
        Rows.texts(
            "SELECT role FROM rg.community_role_holder WHERE community_id = ? AND user_id = ?",
            baiguoshu(),
            residentId);
    assertThat(roles).isNotEmpty();
    Rows.update(
        "DELETE FROM rg.community_role_holder WHERE community_id = ? AND user_id = ?",
        baiguoshu(),
        residentId);
    try {
      dispatcher.dispatch();
      assertThat(deliveryStatus(GlobalId.decode(made).orElseThrow().id(), "IN_APP"))
          .as("made before, skipped at delivery")
          .isEqualTo("SKIPPED");
      assertThat(
              Rows.count(
                  "SELECT count(*) FROM rg.notification WHERE subject_id = ?",
                  GlobalId.decode(after).orElseThrow().id()))
          .as("made after: for nobody")
          .isZero();
      assertThat(live.next(Duration.ofSeconds(2))).as("nothing reaches the open inbox").isNull();
    } finally {
      live.close();
      for (String role : roles) {
        Rows.update(
            "INSERT INTO rg.community_role_holder (community_id, user_id, role) VALUES (?, ?, ?)",
            baiguoshu(),
            residentId,
            role);
      }
    }
    assertThat(about(inbox(RESIDENT, Map.of()), made)).isNull();
    assertThat(about(inbox(RESIDENT, Map.of()), after)).isNull();
  }

  private static UUID baiguoshu() {
    return UUID.fromString(Rows.text("SELECT id::text FROM rg.community WHERE key = ?", COMMUNITY));
  }

  /** A role granted as tenant-admin records it: the mirror's row, and the intent beside it. */
  private static UUID granted(String userId, String role) {
    UUID grant = UUID.randomUUID();
    Rows.update(
        "INSERT INTO rg.community_role_holder (community_id, id, user_id, role) VALUES (?, ?, ?, ?)",
        baiguoshu(),
        grant,
        userId,
        role);
    Rows.update(
        "INSERT INTO rg.notification_intent (community_id, category, kind, subject_type,"
            + " subject_id, audience, actor_id, dedupe_key) VALUES (?, 'ROLES',"
            + " 'COMMUNITY_ROLE_GRANTED', 'CommunityRole', ?, 'HOLDER',"
            + " 'd3e00000-0000-4000-8000-000000000005', ?)",
        baiguoshu(),
        grant,
        "COMMUNITY_ROLE_GRANTED:" + grant);
    return grant;
  }

  @Test
  void everyKind_hasAChineseAndAnEnglishText() {
    GraphQLEnumType kinds = (GraphQLEnumType) graphQlSource.schema().getType("NotificationKind");
    Set<String> declared = new TreeSet<>();
    kinds.getValues().forEach(value -> declared.add(value.getName()));
    assertThat(new TreeSet<>(templates.kinds(NotificationTemplates.PRIMARY))).isEqualTo(declared);
    assertThat(new TreeSet<>(templates.kinds(Locale.ENGLISH))).isEqualTo(declared);
  }

  @Test
  void noText_namesAPerson_orLeavesAGap_whateverDemoObjectItIsAbout() {
    AccessScope all = scopes.of(Caller.SYSTEM);
    List<String> names =
        Rows.texts(
            "SELECT DISTINCT name FROM rg.resident WHERE length(name) >= 2"
                + " UNION SELECT DISTINCT name FROM rg.party_member WHERE length(name) >= 2");
    assertThat(names).hasSizeGreaterThan(100);
    // each subject's kinds are named after it (MATTER_…, MEETING_…, NOTICE_…, ACTION_ITEM_…)
    Map<String, String> demoObjects =
        Map.of(
            "Matter", "SELECT community_id || ':' || id FROM rg.matter LIMIT 300",
            "Meeting", "SELECT community_id || ':' || id FROM rg.meeting LIMIT 300",
            "Notice", "SELECT community_id || ':' || id FROM rg.notice LIMIT 300",
            "ActionItem", "SELECT community_id || ':' || id FROM rg.action_item LIMIT 300",
            "CommunityRole",
                "SELECT community_id || ':' || id FROM rg.community_role_holder LIMIT 300");
    // digests have no template: their text lists the notifications' own texts, scanned here
    assertThat(subjects)
        .extracting(NotificationSubject::subjectType)
        .containsExactlyInAnyOrder(
            "Matter", "Meeting", "Notice", "ActionItem", "CommunityRole", DigestSubject.TYPE);
    Set<String> covered = new TreeSet<>();
    for (NotificationSubject subject : subjects) {
      if (!demoObjects.containsKey(subject.subjectType())) {
        continue;
      }
      String prefix =
          subject.subjectType().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)
              + "_";
      List<String> demo = Rows.texts(demoObjects.get(subject.subjectType()));
      assertThat(demo).as("demo objects of %s", subject.subjectType()).isNotEmpty();
      for (String row : demo) {
        UUID community = UUID.fromString(row.substring(0, 36));
        UUID object = UUID.fromString(row.substring(37));
        Map<String, String> values =
            transactions.read(all, dsl -> subject.values(dsl, community, object));
        for (Locale locale : NotificationTemplates.LOCALES) {
          for (String kind : templates.kinds(locale)) {
            if (!kind.startsWith(prefix)) {
              continue;
            }
            NotificationTemplates.Text text = templates.render(kind, locale, values);
            String whole = text.title() + "\n" + text.body();
            assertThat(whole).as("%s %s", kind, locale).doesNotContain("{").doesNotContain("}");
            assertThat(text.body()).as("%s %s", kind, locale).doesNotContain("「」", "\"\"", "：，");
            for (String name : names) {
              assertThat(whole).as("%s %s of %s", kind, locale, object).doesNotContain(name);
            }
            covered.add(kind);
          }
        }
      }
    }
    assertThat(covered).isEqualTo(new TreeSet<>(templates.kinds(NotificationTemplates.PRIMARY)));
  }

  // --- helpers

  private NotificationDispatcher dispatcherWith(
      List<ChannelAdapter> channels, NotificationDispatcher.Settings settings) {
    return new NotificationDispatcher(
        scopes,
        transactions,
        repository,
        subjects,
        reaching(channels),
        settingsRepository,
        templates,
        events,
        settings);
  }

  /** {@code adapters}, each reaching everybody (at their account's id) outside the inbox. */
  private static NotificationChannels reaching(List<ChannelAdapter> adapters) {
    List<AddressBook> everybody = new ArrayList<>();
    for (ChannelAdapter adapter : adapters) {
      NotificationChannel channel = adapter.channel();
      everybody.add(
          new AddressBook() {
            @Override
            public NotificationChannel channel() {
              return channel;
            }

            @Override
            public Map<String, String> reachable(
                org.jooq.DSLContext dsl, UUID community, java.util.Collection<String> people) {
              Map<String, String> all = new HashMap<>();
              people.forEach(person -> all.put(person, "at " + person));
              return all;
            }

            @Override
            public java.util.Optional<String> address(
                org.jooq.DSLContext dsl,
                UUID community,
                String person,
                NotificationCategory category) {
              return java.util.Optional.of("at " + person);
            }
          });
    }
    return new NotificationChannels(adapters, everybody);
  }

  private String reported(String title) {
    return desk.reportedByTheResident(title);
  }

  private GraphQlResult step(String user, String mutation, Map<String, Object> input) {
    return step(user, mutation, input, true);
  }

  private GraphQlResult step(
      String user, String mutation, Map<String, Object> input, boolean mustSucceed) {
    GraphQlResult result = desk.call(user, mutation, input);
    if (mustSucceed) {
      assertThat(result.data(mutation + ".errors").size()).as("%s", result).isZero();
    }
    return result;
  }

  /** The matter handed to {@code assignee} (a global id), due in a week. */
  private static Map<String, Object> assignment(String matter, String assignee) {
    return Map.of(
        "id", matter, "assigneeId", assignee, "dueOn", LocalDate.now().plusDays(7).toString());
  }

  /** The global id of the resident whose account {@code user} is. */
  private static String residentOf(String user) {
    return Inbox.residentOf(
        COMMUNITY,
        switch (user) {
          case SUPERVISOR -> "d3e00000-0000-4000-8000-000000000007";
          case RESIDENT -> "d3e00000-0000-4000-8000-000000000008";
          default -> throw new IllegalArgumentException(user);
        });
  }

  private JsonNode inbox(String user, Map<String, Object> filter) {
    Map<String, Object> given = new HashMap<>(filter);
    Object first = given.remove("first");
    GraphQlResult result =
        graphql
            .document("notifications")
            .as(user)
            .variable("first", first == null ? 100 : first)
            .variable("filter", given)
            .execute();
    assertThat(result.hasErrors()).as("%s", result).isFalse();
    return result.data("notifications");
  }

  /** The newest notification of the inbox about {@code subject}, or null. */
  private static JsonNode about(JsonNode inbox, String subject) {
    for (JsonNode edge : inbox.path("edges")) {
      if (edge.path("node").path("subjectId").asString().equals(subject)) {
        return edge.path("node");
      }
    }
    return null;
  }

  private static List<String> kinds(JsonNode inbox, String subject) {
    List<String> kinds = new ArrayList<>();
    for (JsonNode edge : inbox.path("edges")) {
      if (edge.path("node").path("subjectId").asString().equals(subject)) {
        kinds.add(edge.path("node").path("kind").asString());
      }
    }
    return kinds;
  }

  private static String id(JsonNode notification) {
    return notification.path("id").asString();
  }

  private static long intents(UUID matter) {
    return Rows.count("SELECT count(*) FROM rg.notification_intent WHERE subject_id = ?", matter);
  }

  private static String deliveryStatus(UUID matter, String channel) {
    return Rows.text(
        "SELECT d.status FROM rg.notification_delivery d JOIN rg.notification n"
            + " ON n.community_id = d.community_id AND n.id = d.notification_id"
            + " WHERE n.subject_id = ? AND d.channel = ?",
        matter,
        channel);
  }
}
