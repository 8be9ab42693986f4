package org.redgovernance.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.matters.MatterDesk;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Digests as a person who chose them relies on them: what they have not seen yet, by e-mail, left
 * out what already went out to them or what they read; once per window however often it is made;
 * nothing once they turned digests off; never without an address.
 */
class NotificationDigestsIntegrationTests extends IntegrationTest {

  private static final String COMMUNITY = "baiguoshu";
  private static final String RESIDENT = "baiguoshu.resident";
  private static final String RESIDENT_ID = "d3e00000-0000-4000-8000-000000000008";
  private static final String RESIDENT_EMAIL = "baiguoshu.resident@demo.red-governance.local";

  @Autowired NotificationDispatcher dispatcher;
  @Autowired NotificationDigests digests;

  private MatterDesk desk;

  @BeforeEach
  void defaults() {
    desk = new MatterDesk(graphql);
    dispatcher.dispatch();
    Rows.update("DELETE FROM rg.notification_preference WHERE user_id = ?", RESIDENT_ID);
    Rows.update("DELETE FROM rg.notification_setting WHERE user_id = ?", RESIDENT_ID);
    Rows.update("DELETE FROM rg.notification_digest WHERE user_id = ?", RESIDENT_ID);
  }

  @Test
  void aDailyDigest_listsWhatThePersonHasNotSeen_withoutWhatWentOutByEmailOrWasRead_once() {
    update(Map.of("useAccountEmail", true, "digest", "DAILY", "quietHours", noQuietHours()));
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String unseen = "摘要未读 " + tag;
    accept(desk.reportedByTheResident(unseen));
    String read = "摘要已读 " + tag;
    String readMatter = desk.reportedByTheResident(read);
    accept(readMatter);
    dispatcher.dispatch();
    markRead(readMatter);
    update(Map.of("preferences", List.of(choice("MATTERS_I_RAISED", "EMAIL", true))));
    String emailed = "摘要已发邮件 " + tag;
    accept(desk.reportedByTheResident(emailed));
    dispatcher.dispatch();
    assertThat(lettersContaining(emailed))
        .as(
            "sent in real time: %s",
            Rows.texts(
                "SELECT a.channel || ' ' || a.outcome || ' ' || coalesce(a.detail, '')"
                    + " FROM rg.notification_attempt a JOIN rg.notification n"
                    + " ON n.community_id = a.community_id AND n.id = a.notification_id"
                    + " WHERE n.title LIKE '%受理%' AND n.recipient_user_id = ?"
                    + " AND n.created_at > now() - interval '1 minute'",
                RESIDENT_ID))
        .hasSize(1);

    LocalDate tomorrow = LocalDate.now(ReadRequest.ZONE).plusDays(1);
    assertThat(digests.make(tomorrow)).isGreaterThanOrEqualTo(1);
    assertThat(digests.make(tomorrow)).as("the window's digest is made once").isZero();
    dispatcher.dispatch();
    dispatcher.dispatch();

    List<String> digest = lettersContaining("条通知尚未查看");
    List<String> ours = digest.stream().filter(letter -> letter.contains(tag)).toList();
    assertThat(ours).hasSize(1);
    assertThat(ours.get(0))
        .contains(unseen)
        .contains("【我反映的事项】")
        .contains("/c/" + COMMUNITY + "/notifications")
        .doesNotContain(read)
        .doesNotContain(emailed);
  }

  @Test
  void aWeeklyDigest_coversTheWeek_andPeopleWhoTurnedDigestsOff_getNone() {
    update(Map.of("useAccountEmail", true, "digest", "WEEKLY", "quietHours", noQuietHours()));
    String tag = UUID.randomUUID().toString().substring(0, 6);
    accept(desk.reportedByTheResident("周摘要 " + tag));
    dispatcher.dispatch();

    LocalDate nextWeek = LocalDate.now(ReadRequest.ZONE).plusWeeks(1);
    assertThat(digests.make(nextWeek)).isGreaterThanOrEqualTo(1);
    update(Map.of("digest", "NONE"));
    dispatcher.dispatch();

    assertThat(lettersContaining(tag)).as("turned off before it went out").isEmpty();
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.notification_attempt a JOIN rg.notification n"
                    + " ON n.community_id = a.community_id AND n.id = a.notification_id"
                    + " WHERE n.recipient_user_id = ? AND n.kind = 'WEEKLY_DIGEST'"
                    + " AND a.outcome = 'SKIPPED'",
                RESIDENT_ID))
        .isEqualTo(1);
    assertThat(
            Rows.text(
                "SELECT body FROM rg.notification WHERE kind = 'WEEKLY_DIGEST'"
                    + " AND recipient_user_id = ? ORDER BY created_at DESC LIMIT 1",
                RESIDENT_ID))
        .contains("周摘要 " + tag);
  }

  @Test
  void aDigest_needsAnEmailAddress_andIsRefusedWithoutOne() {
    GraphQlResult refused =
        graphql
            .document("updateNotificationSettings")
            .as(RESIDENT)
            .variable("input", Map.of("communityKey", COMMUNITY, "digest", "DAILY"))
            .execute();
    assertThat(refused.data("updateNotificationSettings.errors.0.code").asString())
        .as("%s", refused)
        .isEqualTo("INVALID_INPUT");
    assertThat(refused.data("updateNotificationSettings.errors.0.field.0").asString())
        .isEqualTo("digest");
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.notification_setting WHERE user_id = ?", RESIDENT_ID))
        .isZero();
  }

  // --- helpers

  private void update(Map<String, Object> input) {
    Map<String, Object> given = new HashMap<>(input);
    given.put("communityKey", COMMUNITY);
    GraphQlResult result =
        graphql
            .document("updateNotificationSettings")
            .as(RESIDENT)
            .variable("input", given)
            .execute();
    assertThat(result.data("updateNotificationSettings.errors").size()).as("%s", result).isZero();
  }

  private void accept(String matter) {
    GraphQlResult accepted = desk.call("baiguoshu.secretary", "acceptMatter", Map.of("id", matter));
    assertThat(accepted.data("acceptMatter.errors").size()).as("%s", accepted).isZero();
  }

  private void markRead(String matter) {
    String notification =
        GlobalId.of(
            "Notification",
            UUID.fromString(
                Rows.text("SELECT id::text FROM rg.community WHERE key = ?", COMMUNITY)),
            UUID.fromString(
                Rows.text(
                    "SELECT id::text FROM rg.notification WHERE subject_id = ? AND recipient_user_id = ?",
                    GlobalId.decode(matter).orElseThrow().id(),
                    RESIDENT_ID)));
    GraphQlResult marked =
        graphql
            .document("markNotificationRead")
            .as(RESIDENT)
            .variable("input", Map.of("id", notification))
            .execute();
    assertThat(marked.data("markNotificationRead.errors").size()).as("%s", marked).isZero();
  }

  private static Map<String, Object> noQuietHours() {
    return Map.of("from", "00:00", "until", "00:00");
  }

  private static Map<String, Object> choice(String category, String channel, boolean enabled) {
    return Map.of("category", category, "channel", channel, "enabled", enabled);
  }

  private static List<String> lettersContaining(String text) {
    return Mailbox.of(RESIDENT_EMAIL).stream().filter(letter -> letter.contains(text)).toList();
  }
}
