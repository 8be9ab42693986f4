package org.redgovernance.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The dev stack's demo outbox: something for every kind it shows, and nothing twice. */
class DemoNotificationsTests {

  @Test
  void theDemoOutbox_holdsMattersNoticesAndMeetings_andLoadingItAgainAddsNothing()
      throws SQLException {
    try (Connection owner = SharedTestDatabase.get().connectAsOwner()) {
      DemoData.load(owner, PersonalDataCipher.fromBase64(PersonalDataCipher.generateKey()));
      DemoNotifications.load(owner);
      long intents = count(owner, "SELECT count(*) FROM rg.notification_intent");
      DemoNotifications.load(owner);
      assertThat(count(owner, "SELECT count(*) FROM rg.notification_intent")).isEqualTo(intents);
      for (String kind :
          new String[] {"MATTER_ACCEPTED", "NOTICE_PUBLISHED", "MEETING_SCHEDULED"}) {
        assertThat(
                count(
                    owner,
                    "SELECT count(*) FROM rg.notification_intent WHERE kind = '"
                        + kind
                        + "' AND dedupe_key LIKE 'demo:%'"))
            .as(kind)
            .isPositive();
      }
      assertThat(
              count(
                  owner,
                  "SELECT count(*) FROM rg.notification_setting WHERE email = '"
                      + DemoNotifications.EMAIL
                      + "'"))
          .isEqualTo(1);
    }
  }

  private static long count(Connection owner, String sql) throws SQLException {
    owner.setAutoCommit(false);
    try {
      owner
          .createStatement()
          .executeQuery(
              "SELECT set_config('rg.community_ids',"
                  + " (SELECT array_agg(id)::text FROM rg.community), true)")
          .close();
      try (ResultSet row = owner.createStatement().executeQuery(sql)) {
        row.next();
        return row.getLong(1);
      }
    } finally {
      owner.rollback();
      owner.setAutoCommit(true);
    }
  }
}
