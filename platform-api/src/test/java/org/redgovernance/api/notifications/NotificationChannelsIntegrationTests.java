package org.redgovernance.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redgovernance.api.notifications.ResidentSettings.COMMUNITY;
import static org.redgovernance.api.notifications.ResidentSettings.RESIDENT;
import static org.redgovernance.api.notifications.ResidentSettings.RESIDENT_ID;
import static org.redgovernance.api.notifications.ResidentSettings.accept;
import static org.redgovernance.api.notifications.ResidentSettings.channel;
import static org.redgovernance.api.notifications.ResidentSettings.choice;
import static org.redgovernance.api.notifications.ResidentSettings.updated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import tools.jackson.databind.JsonNode;

/**
 * Text messages and WeChat as people rely on them: a text to the number the roster holds for the
 * person, its reading recorded like any unmasked read; WeChat only to a linked account and only as
 * many messages as the person accepted, each consent used once.
 */
class NotificationChannelsIntegrationTests extends ResidentNotificationTest {

  private static final String TEMPLATE = "tmpl_matters_i_raised";

  @Test
  void aTextMessage_goesToTheNumberTheRosterHolds_andItsReadingIsRecorded() {
    GraphQlResult on =
        updated(
            graphql,
            Map.of(
                "quietHours",
                Map.of("from", "00:00", "until", "00:00"),
                "preferences",
                List.of(choice("MATTERS_I_RAISED", "SMS", true))));
    JsonNode sms = channel(on.data("updateNotificationSettings.settings"), "SMS");
    assertThat(sms.path("reachable").asBoolean()).as("%s", on).isTrue();
    String masked = sms.path("address").asString();
    assertThat(masked).matches("1[0-9]{2}\\*{4}[0-9]{4}");
    long readsBefore = systemReadsOfPhones();

    String title = "短信通知测试 " + UUID.randomUUID().toString().substring(0, 8);
    String matter = desk.reportedByTheResident(title);
    accept(desk, matter);
    dispatcher.dispatch();

    List<Path> texts = keptContaining(Path.of(SMS_OUTBOX), title);
    assertThat(texts).as("the delivery log: %s", deliveryLog(matter)).hasSize(1);
    String phone = texts.get(0).getFileName().toString().replaceAll(".*-(1[0-9]{10})\\.txt", "$1");
    assertThat(phone.substring(0, 3) + "****" + phone.substring(7)).isEqualTo(masked);
    assertThat(read(texts.get(0))).startsWith(SmsChannel.SIGNATURE).contains("已受理");
    assertThat(systemReadsOfPhones()).isEqualTo(readsBefore + 1);

    dispatcher.dispatch();
    assertThat(keptContaining(Path.of(SMS_OUTBOX), title)).as("exactly once").hasSize(1);
  }

  @Test
  void weChat_sendsOneMessagePerConsent_andNoneWithout() {
    GraphQlResult linked =
        graphql
            .document("linkWechat")
            .as(RESIDENT)
            .variable("input", Map.of("communityKey", COMMUNITY, "code", "wx-login-" + RESIDENT_ID))
            .execute();
    JsonNode settings = linked.data("linkWechat.settings");
    assertThat(channel(settings, "WECHAT").path("reachable").asBoolean()).as("%s", linked).isTrue();
    assertThat(consent(settings, TEMPLATE).path("remaining").asInt()).isZero();
    updated(graphql, Map.of("quietHours", Map.of("from", "00:00", "until", "00:00")));

    String unconsented = "无授权微信测试 " + UUID.randomUUID().toString().substring(0, 8);
    String first = desk.reportedByTheResident(unconsented);
    accept(desk, first);
    dispatcher.dispatch();
    assertThat(recordedContaining(unconsented)).as("no consent, no message").isEmpty();

    GraphQlResult consented =
        graphql
            .document("recordWechatConsents")
            .as(RESIDENT)
            .variable("input", Map.of("communityKey", COMMUNITY, "templateIds", List.of(TEMPLATE)))
            .execute();
    assertThat(
            consent(consented.data("recordWechatConsents.settings"), TEMPLATE)
                .path("remaining")
                .asInt())
        .as("%s", consented)
        .isEqualTo(1);

    String tag = UUID.randomUUID().toString().substring(0, 6);
    String second = desk.reportedByTheResident("微信一 " + tag);
    String third = desk.reportedByTheResident("微信二 " + tag);
    accept(desk, second);
    accept(desk, third);
    dispatcher.dispatch();
    dispatcher.dispatch();
    List<String> sent = recordedContaining(tag);
    assertThat(sent).as("one consent, one message").hasSize(1);
    assertThat(sent.get(0)).contains(TEMPLATE).contains("pages/notification/index?link=");
    assertThat(consent(settings(), TEMPLATE).path("remaining").asInt()).isZero();
  }

  @Test
  void weChat_refusesCodesAndTemplatesThatAreNotItsOwn_andChangesNothing() {
    for (String code : List.of("", "bad code", "x".repeat(500))) {
      GraphQlResult result =
          graphql
              .document("linkWechat")
              .as(RESIDENT)
              .variable("input", Map.of("communityKey", COMMUNITY, "code", code))
              .execute();
      assertThat(result.data("linkWechat.errors.0.code").asString())
          .as("%s", result)
          .isEqualTo("INVALID_INPUT");
    }
    for (List<String> templates :
        List.of(List.<String>of(), List.of("tmpl_someone_elses"), List.of(TEMPLATE, "nope"))) {
      GraphQlResult result =
          graphql
              .document("recordWechatConsents")
              .as(RESIDENT)
              .variable("input", Map.of("communityKey", COMMUNITY, "templateIds", templates))
              .execute();
      assertThat(result.data("recordWechatConsents.errors.0.code").asString())
          .as("%s", result)
          .isEqualTo("INVALID_INPUT");
    }
    GraphQlResult foreign =
        graphql
            .document("recordWechatConsents")
            .as(RESIDENT)
            .variable("input", Map.of("communityKey", "xinhua", "templateIds", List.of(TEMPLATE)))
            .execute();
    assertThat(foreign.data("recordWechatConsents.errors.0.code").asString())
        .isEqualTo("NOT_FOUND");
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.notification_setting WHERE user_id = ?", RESIDENT_ID))
        .isZero();
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.notification_wechat_consent WHERE user_id = ?",
                RESIDENT_ID))
        .isZero();
  }

  @Test
  void theFigures_countEachChannelsDeliveries_forStaffAndTheStreet_only() {
    accept(
        desk, desk.reportedByTheResident("统计测试 " + UUID.randomUUID().toString().substring(0, 6)));
    dispatcher.dispatch();
    String figures =
        "query { community(key: \"baiguoshu\") { notificationFigures { byChannel {"
            + " channel delivered pending failed skipped medianDelaySeconds } } } }";
    for (String staff : List.of("baiguoshu.admin", "baishalu.viewer")) {
      GraphQlResult result = graphql.query(figures).as(staff).execute();
      assertThat(result.hasErrors()).as("%s", result).isFalse();
      JsonNode channels = result.data("community.notificationFigures.byChannel");
      assertThat(channels).hasSize(NotificationChannel.values().length);
      JsonNode inbox = channels.get(0);
      assertThat(inbox.path("channel").asString()).isEqualTo("IN_APP");
      assertThat(inbox.path("delivered").asInt()).isPositive();
      assertThat(inbox.path("medianDelaySeconds").isNumber()).as("%s", inbox).isTrue();
      assertThat(inbox.path("medianDelaySeconds").asDouble()).isNotNegative();
    }
    GraphQlResult resident = graphql.query(figures).as(RESIDENT).execute();
    assertThat(resident.errorCodes()).containsExactly("FORBIDDEN");
    assertThat(resident.data("community.notificationFigures").isNull()).isTrue();
  }

  // --- helpers

  private JsonNode settings() {
    return graphql
        .document("notificationSettings")
        .as(RESIDENT)
        .variable("communityKey", COMMUNITY)
        .execute()
        .data("notificationSettings");
  }

  private static JsonNode consent(JsonNode settings, String template) {
    for (JsonNode consent : settings.path("wechatConsents")) {
      if (consent.path("templateId").asString().equals(template)) {
        return consent;
      }
    }
    throw new AssertionError("no template " + template + " in " + settings);
  }

  private static long systemReadsOfPhones() {
    return Rows.count(
        "SELECT count(*) FROM rg.personal_data_access a JOIN rg.resident_account r"
            + " ON r.community_id = a.community_id AND r.resident_id = a.resident_id"
            + " WHERE a.actor_id = 'system' AND a.field = 'PHONE' AND r.user_id = ?",
        RESIDENT_ID);
  }

  private static List<String> recordedContaining(String text) {
    Path recorded = Path.of(WECHAT_OUTBOX, "wechat.jsonl");
    if (!Files.exists(recorded)) {
      return List.of();
    }
    try {
      return Files.readAllLines(recorded, StandardCharsets.UTF_8).stream()
          .filter(line -> line.contains(text))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> keptContaining(Path folder, String text) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> read(file).contains(text)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> deliveryLog(String matter) {
    return Rows.texts(
        "SELECT a.channel || ' ' || a.outcome || ' ' || coalesce(a.detail, '')"
            + " FROM rg.notification_attempt a JOIN rg.notification n"
            + " ON n.community_id = a.community_id AND n.id = a.notification_id"
            + " WHERE n.subject_id = ?",
        GlobalId.decode(matter).orElseThrow().id());
  }
}
