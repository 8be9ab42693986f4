package org.redgovernance.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redgovernance.api.notifications.ResidentSettings.COMMUNITY;
import static org.redgovernance.api.notifications.ResidentSettings.RESIDENT;
import static org.redgovernance.api.notifications.ResidentSettings.RESIDENT_EMAIL;
import static org.redgovernance.api.notifications.ResidentSettings.RESIDENT_ID;
import static org.redgovernance.api.notifications.ResidentSettings.accept;
import static org.redgovernance.api.notifications.ResidentSettings.choice;
import static org.redgovernance.api.notifications.ResidentSettings.noQuietHours;
import static org.redgovernance.api.notifications.ResidentSettings.updated;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.support.Rows;
import org.redgovernance.testing.GraphQlResult;
import org.redgovernance.testing.Mailbox;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Digests as a person who chose them relies on them: what they have not seen yet, by e-mail, left
 * out what already went out to them or what they read; once per window however often it is made;
 * nothing once they turned digests off; never without an address.
 */
class NotificationDigestsIntegrationTests extends ResidentNotificationTest {

  @Autowired NotificationDigests digests;

  @Test
  void aDailyDigest_listsWhatThePersonHasNotSeen_withoutWhatWentOutByEmailOrWasRead_once() {
    updated(
        graphql, Map.of("useAccountEmail", true, "digest", "DAILY", "quietHours", noQuietHours()));
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String unseen = "摘要未读 " + tag;
    accept(desk, desk.reportedByTheResident(unseen));
    String read = "摘要已读 " + tag;
    String readMatter = desk.reportedByTheResident(read);
    accept(desk, readMatter);
    dispatcher.dispatch();
    markRead(readMatter);
    updated(graphql, Map.of("preferences", List.of(choice("MATTERS_I_RAISED", "EMAIL", true))));
    String emailed = "摘要已发邮件 " + tag;
    accept(desk, desk.reportedByTheResident(emailed));
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
    updated(
        graphql, Map.of("useAccountEmail", true, "digest", "WEEKLY", "quietHours", noQuietHours()));
    String tag = UUID.randomUUID().toString().substring(0, 6);
    accept(desk, desk.reportedByTheResident("周摘要 " + tag));
    dispatcher.dispatch();

    LocalDate nextWeek = LocalDate.now(ReadRequest.ZONE).plusWeeks(1);
    assertThat(digests.make(nextWeek)).isGreaterThanOrEqualTo(1);
    updated(graphql, Map.of("digest", "NONE"));
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

  private static List<String> lettersContaining(String text) {
    return Mailbox.of(RESIDENT_EMAIL).stream().filter(letter -> letter.contains(text)).toList();
  }
}
