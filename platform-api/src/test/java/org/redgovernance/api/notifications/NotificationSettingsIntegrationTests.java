package org.redgovernance.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redgovernance.api.notifications.ResidentSettings.COMMUNITY;
import static org.redgovernance.api.notifications.ResidentSettings.RESIDENT;
import static org.redgovernance.api.notifications.ResidentSettings.RESIDENT_EMAIL;
import static org.redgovernance.api.notifications.ResidentSettings.RESIDENT_ID;
import static org.redgovernance.api.notifications.ResidentSettings.accept;
import static org.redgovernance.api.notifications.ResidentSettings.channel;
import static org.redgovernance.api.notifications.ResidentSettings.choice;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.support.Inbox;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.Mailbox;
import tools.jackson.databind.JsonNode;

/**
 * A person's say over how notifications reach them, as they rely on it: the defaults of each
 * category, a category turned off (and back), legal notices that cannot be muted, e-mail to the
 * verified address of their account exactly once, quiet hours that hold e-mail back until morning
 * while the inbox shows it at once, and bad input that changes nothing.
 */
class NotificationSettingsIntegrationTests extends ResidentNotificationTest {

  private static final String SUPERVISOR = "baiguoshu.supervisor";
  private static final String SUPERVISOR_ID = "d3e00000-0000-4000-8000-000000000007";
  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

  @Test
  void everyCategoryOnEveryChannel_hasItsDefault_andLegalNoticesCannotBeChanged() {
    JsonNode settings = settings(RESIDENT);
    assertThat(settings.path("preferences").size())
        .isEqualTo(
            java.util.Arrays.stream(NotificationCategory.values())
                    .filter(NotificationCategory::chosenPerChannel)
                    .count()
                * NotificationChannel.values().length);
    assertThat(preference(settings, "MATTERS_I_RAISED", "IN_APP").path("enabled").asBoolean())
        .isTrue();
    assertThat(preference(settings, "MATTERS_I_RAISED", "EMAIL").path("enabled").asBoolean())
        .isFalse();
    assertThat(preference(settings, "MATTERS_ASSIGNED_TO_ME", "EMAIL").path("enabled").asBoolean())
        .isTrue();
    assertThat(preference(settings, "NOTICES", "SMS").path("enabled").asBoolean()).isFalse();
    JsonNode legalSms = preference(settings, "LEGAL_NOTICES", "SMS");
    assertThat(legalSms.path("enabled").asBoolean()).isTrue();
    assertThat(legalSms.path("mutable").asBoolean()).isFalse();
    assertThat(settings.path("quietHours").path("from").asString()).isEqualTo("22:00");
    assertThat(settings.path("quietHours").path("until").asString()).isEqualTo("07:00");
    assertThat(settings.path("quietHours").path("timeZone").asString()).isEqualTo("Asia/Shanghai");
    assertThat(channel(settings, "IN_APP").path("reachable").asBoolean()).isTrue();
    assertThat(channel(settings, "EMAIL").path("reachable").asBoolean())
        .as("no address until the person asks for e-mail")
        .isFalse();

    GraphQlResult muted =
        update(
            RESIDENT,
            Map.of(
                "preferences",
                List.of(
                    choice("NOTICES", "IN_APP", false), choice("LEGAL_NOTICES", "IN_APP", false))));
    assertThat(muted.data("updateNotificationSettings.errors.0.code").asString())
        .isEqualTo("INVALID_INPUT");
    assertThat(muted.data("updateNotificationSettings.errors.0.message").asString())
        .contains("LEGAL_NOTICES");
    assertThat(muted.data("updateNotificationSettings.settings").isNull()).isTrue();
    assertThat(preference(settings(RESIDENT), "NOTICES", "IN_APP").path("enabled").asBoolean())
        .as("nothing of a refused change is kept")
        .isTrue();
  }

  @Test
  void aCategoryTurnedOffInTheInbox_isNotShownThere_untilItIsTurnedBackToItsDefault() {
    GraphQlResult off =
        update(
            RESIDENT, Map.of("preferences", List.of(choice("MATTERS_I_RAISED", "IN_APP", false))));
    assertThat(off.data("updateNotificationSettings.errors").size()).as("%s", off).isZero();
    JsonNode offNow =
        preference(off.data("updateNotificationSettings.settings"), "MATTERS_I_RAISED", "IN_APP");
    assertThat(offNow.path("enabled").asBoolean()).isFalse();
    assertThat(offNow.path("byDefault").asBoolean()).isFalse();

    String quiet = desk.reportedByTheResident("静音分类测试");
    accept(desk, quiet);
    dispatcher.dispatch();
    assertThat(Inbox.kinds(graphql, RESIDENT, quiet)).isEmpty();

    Map<String, Object> backToDefault = new HashMap<>();
    backToDefault.put("category", "MATTERS_I_RAISED");
    backToDefault.put("channel", "IN_APP");
    backToDefault.put("enabled", null);
    GraphQlResult back = update(RESIDENT, Map.of("preferences", List.of(backToDefault)));
    JsonNode backNow =
        preference(back.data("updateNotificationSettings.settings"), "MATTERS_I_RAISED", "IN_APP");
    assertThat(backNow.path("enabled").asBoolean()).isTrue();
    assertThat(backNow.path("byDefault").asBoolean()).isTrue();
    String heard = desk.reportedByTheResident("恢复默认测试");
    accept(desk, heard);
    dispatcher.dispatch();
    assertThat(Inbox.kinds(graphql, RESIDENT, heard)).containsExactly("MATTER_ACCEPTED");
  }

  @Test
  void eMail_goesOnceToTheVerifiedAddressOfTheAccount_withTheLinkToTheMatter() {
    GraphQlResult on =
        update(
            RESIDENT,
            Map.of(
                "useAccountEmail",
                true,
                "quietHours",
                Map.of("from", "00:00", "until", "00:00"),
                "preferences",
                List.of(choice("MATTERS_I_RAISED", "EMAIL", true))));
    JsonNode settings = on.data("updateNotificationSettings.settings");
    assertThat(settings.path("quietHours").isNull()).as("%s", on).isTrue();
    JsonNode email = channel(settings, "EMAIL");
    assertThat(email.path("reachable").asBoolean()).isTrue();
    assertThat(email.path("address").asString()).isEqualTo("b***@demo.red-governance.local");

    String title = "邮件通知测试 " + UUID.randomUUID().toString().substring(0, 8);
    String matter = desk.reportedByTheResident(title);
    accept(desk, matter);
    dispatcher.dispatch();
    dispatcher.dispatch();

    List<String> letters = lettersAbout(title);
    assertThat(letters).as("the delivery log: %s", deliveryLog(matter)).hasSize(1);
    assertThat(letters.get(0))
        .contains("「" + title + "」已受理")
        .contains("/c/" + COMMUNITY + "/Matter/" + matter);
    assertThat(deliveryStatus(matter, "EMAIL")).isEqualTo("SENT");

    update(RESIDENT, Map.of("useAccountEmail", false));
    String after = "停用邮件测试 " + UUID.randomUUID().toString().substring(0, 8);
    accept(desk, desk.reportedByTheResident(after));
    dispatcher.dispatch();
    assertThat(lettersAbout(after)).isEmpty();
  }

  @Test
  void inQuietHours_eMailWaitsUntilTheyEnd_whileTheInboxShowsItAtOnce() {
    ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
    GraphQlResult quiet =
        update(
            RESIDENT,
            Map.of(
                "useAccountEmail",
                true,
                "quietHours",
                Map.of(
                    "from",
                    HOURS.format(now.minusHours(1)),
                    "until",
                    HOURS.format(now.plusHours(1))),
                "preferences",
                List.of(choice("MATTERS_I_RAISED", "EMAIL", true))));
    assertThat(quiet.data("updateNotificationSettings.errors").size()).as("%s", quiet).isZero();

    String title = "免打扰测试 " + UUID.randomUUID().toString().substring(0, 8);
    String matter = desk.reportedByTheResident(title);
    accept(desk, matter);
    dispatcher.dispatch();

    assertThat(Inbox.kinds(graphql, RESIDENT, matter)).containsExactly("MATTER_ACCEPTED");
    assertThat(lettersAbout(title)).isEmpty();
    assertThat(deliveryStatus(matter, "EMAIL")).isEqualTo("PENDING");
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.notification_delivery d JOIN rg.notification n"
                    + " ON n.community_id = d.community_id AND n.id = d.notification_id"
                    + " WHERE n.subject_id = ? AND d.channel = 'EMAIL'"
                    + " AND d.next_attempt_at BETWEEN now() + interval '58 minutes'"
                    + " AND now() + interval '61 minutes'",
                localId(matter)))
        .as("held back until the quiet hours end")
        .isEqualTo(1);
  }

  @Test
  void badInput_isATypedError_andChangesNothing() {
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i <= NotificationSettingsController.MAX_PREFERENCES; i++) {
      tooMany.add(choice("NOTICES", "EMAIL", true));
    }
    List<Map<String, Object>> refused =
        List.of(
            Map.of("quietHours", Map.of("from", "24:00", "until", "07:00")),
            Map.of("quietHours", Map.of("from", "22:00\u0000", "until", "07:00")),
            Map.of("quietHours", Map.of("from", "x".repeat(10_000), "until", "07:00")),
            Map.of("preferences", tooMany),
            Map.of("communityKey", "baiguoshu\u0000", "useAccountEmail", true),
            Map.of("communityKey", "x".repeat(10_000), "useAccountEmail", true));
    for (Map<String, Object> input : refused) {
      GraphQlResult result = update(RESIDENT, input);
      String code =
          result.hasErrors()
              ? result.errorCodes().get(0)
              : result.data("updateNotificationSettings.errors.0.code").asString();
      assertThat(code).as("%s", result).isIn("INVALID_INPUT", "NOT_FOUND");
    }
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.notification_setting WHERE user_id = ?", RESIDENT_ID))
        .isZero();
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.notification_preference WHERE user_id = ?", RESIDENT_ID))
        .isZero();
  }

  @Test
  void anOwnersAssemblyConvened_reachesTheInvitedAsALegalNotice_evenWithMeetingsMuted() {
    GraphQlResult muted =
        update(SUPERVISOR, Map.of("preferences", List.of(choice("MEETINGS", "IN_APP", false))));
    assertThat(muted.data("updateNotificationSettings.errors").size()).as("%s", muted).isZero();
    try {
      String deliberation = scheduled("DELIBERATION", "议事会 静音测试");
      String assembly = scheduled("OWNERS_ASSEMBLY", "业主大会 法定通知测试");
      dispatcher.dispatch();
      assertThat(Inbox.kinds(graphql, SUPERVISOR, deliberation)).as("muted").isEmpty();
      GraphQlResult inbox =
          graphql
              .document("notifications")
              .as(SUPERVISOR)
              .variable("first", 100)
              .variable("filter", Map.of("categories", List.of("LEGAL_NOTICES")))
              .execute();
      assertThat(inbox.edgeValues("notifications", "subjectId")).contains(assembly);
    } finally {
      Rows.update("DELETE FROM rg.notification_preference WHERE user_id = ?", SUPERVISOR_ID);
    }
  }

  // --- helpers

  private JsonNode settings(String user) {
    GraphQlResult result =
        graphql
            .document("notificationSettings")
            .as(user)
            .variable("communityKey", COMMUNITY)
            .execute();
    assertThat(result.hasErrors()).as("%s", result).isFalse();
    return result.data("notificationSettings");
  }

  private GraphQlResult update(String user, Map<String, Object> input) {
    Map<String, Object> given = new HashMap<>(input);
    given.putIfAbsent("communityKey", COMMUNITY);
    return graphql
        .document("updateNotificationSettings")
        .as(user)
        .variable("input", given)
        .execute();
  }

  /** A meeting of {@code kind} the secretary schedules, inviting the supervisory committee. */
  private String scheduled(String kind, String title) {
    GraphQlResult scheduled =
        desk.call(
            "baiguoshu.secretary",
            "scheduleMeeting",
            Map.of(
                "communityKey",
                COMMUNITY,
                "kind",
                kind,
                "title",
                title,
                "startsAt",
                "2031-04-10T11:00:00Z",
                "placeText",
                "社区议事厅",
                "invitedBodyIds",
                List.of(desk.bodyId("SUPERVISORY_COMMITTEE"))));
    assertThat(scheduled.data("scheduleMeeting.errors").size()).as("%s", scheduled).isZero();
    return scheduled.data("scheduleMeeting.meeting.id").asString();
  }

  private static JsonNode preference(JsonNode settings, String category, String channel) {
    for (JsonNode preference : settings.path("preferences")) {
      if (preference.path("category").asString().equals(category)
          && preference.path("channel").asString().equals(channel)) {
        return preference;
      }
    }
    throw new AssertionError("no preference " + category + "/" + channel + " in " + settings);
  }

  private static List<String> lettersAbout(String title) {
    return Mailbox.of(RESIDENT_EMAIL).stream().filter(letter -> letter.contains(title)).toList();
  }

  private static List<String> deliveryLog(String matter) {
    return Rows.texts(
        "SELECT a.channel || ' ' || a.outcome || ' ' || coalesce(a.detail, '')"
            + " FROM rg.notification_attempt a JOIN rg.notification n"
            + " ON n.community_id = a.community_id AND n.id = a.notification_id"
            + " WHERE n.subject_id = ?",
        localId(matter));
  }

  private static UUID localId(String matter) {
    return GlobalId.decode(matter).orElseThrow().id();
  }

  private static String deliveryStatus(String matter, String channel) {
    return Rows.text(
        "SELECT d.status FROM rg.notification_delivery d JOIN rg.notification n"
            + " ON n.community_id = d.community_id AND n.id = d.notification_id"
            + " WHERE n.subject_id = ? AND d.channel = ?",
        localId(matter),
        channel);
  }
}
