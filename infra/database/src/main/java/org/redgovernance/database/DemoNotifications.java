package org.redgovernance.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The dev stack's demo of notifications: the Baiguoshu demo resident (baiguoshu.resident) has asked
 * for e-mail about the matters they raised, without quiet hours, and the outbox holds what the demo
 * data would have told people had it happened through the API — their matters accepted, the newest
 * notices, the meetings planned. platform-api's dispatcher delivers it once the stack is up: the
 * inbox shows it and the mail catcher catches the e-mails. Idempotent (each intent has a key), and
 * for the dev stack only: the tests start from an empty outbox.
 */
public final class DemoNotifications {

  static final String RESIDENT = "d3e00000-0000-4000-8000-000000000008";
  static final String EMAIL = "baiguoshu.resident@demo.red-governance.local";

  private DemoNotifications() {}

  public static void load(Connection owner) throws SQLException {
    DemoData.inTransaction(
        owner,
        () -> {
          try (Statement statement = owner.createStatement()) {
            load(statement);
          }
        });
  }

  private static void load(Statement statement) throws SQLException {
    statement.execute(
        "INSERT INTO rg.notification_setting (community_id, user_id, email, quiet_from,"
            + " quiet_until) SELECT id, '"
            + RESIDENT
            + "', '"
            + EMAIL
            + "', '00:00', '00:00' FROM rg.community WHERE key = 'baiguoshu'"
            + " ON CONFLICT DO NOTHING");
    statement.execute(
        "INSERT INTO rg.notification_preference (community_id, user_id, category, channel,"
            + " enabled) SELECT id, '"
            + RESIDENT
            + "', 'MATTERS_I_RAISED', 'EMAIL', true FROM rg.community WHERE key = 'baiguoshu'"
            + " ON CONFLICT DO NOTHING");
    // the resident's matters that were taken up, the three newest notices for everyone, and the
    // meetings still planned, of every demo community
    intents(
        statement,
        "MATTERS_I_RAISED",
        "MATTER_ACCEPTED",
        "Matter",
        "REPORTER",
        "SELECT m.community_id, m.id FROM rg.matter m JOIN rg.resident_account a"
            + " ON a.community_id = m.community_id AND a.resident_id = m.reporter_resident_id"
            + " WHERE m.status NOT IN ('REPORTED', 'REJECTED')");
    intents(
        statement,
        "NOTICES",
        "NOTICE_PUBLISHED",
        "Notice",
        "READERS",
        "SELECT community_id, id FROM (SELECT community_id, id, row_number() OVER (PARTITION BY"
            + " community_id ORDER BY published_at DESC) AS newest FROM rg.notice"
            + " WHERE status = 'PUBLISHED' AND audience = 'EVERYONE') n WHERE newest <= 3");
    intents(
        statement,
        "MEETINGS",
        "MEETING_SCHEDULED",
        "Meeting",
        "INVITED_WHILE_PLANNED",
        "SELECT community_id, id FROM rg.meeting WHERE status = 'PLANNED'"
            + " AND starts_at > now() AND starts_at < now() + interval '14 days'");
  }

  private static void intents(
      Statement statement,
      String category,
      String kind,
      String subjectType,
      String audience,
      String subjects)
      throws SQLException {
    statement.execute(
        ("INSERT INTO rg.notification_intent (community_id, category, kind, subject_type,"
                + " subject_id, audience, actor_id, dedupe_key)"
                + " SELECT s.community_id, '%s', '%s', '%s', s.id, '%s', 'demo-data',"
                + " 'demo:%s:' || s.id FROM (%s) s"
                + " ON CONFLICT (community_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING")
            .formatted(category, kind, subjectType, audience, kind, subjects));
  }
}
