package org.redgovernance.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The dev stack's demo history: six months of daily values before today's snapshot, ending at it,
 * better directions improving towards it, days already recorded left alone, nothing twice.
 */
class DemoMetricHistoryTests {

  private static final LocalDate TODAY = LocalDate.of(2030, 6, 30);

  @Test
  void sixMonthsOfDays_leadToTodaysValues_improvingTowardsThem() throws Exception {
    try (Connection owner = SharedTestDatabase.get().connectAsOwner()) {
      DemoData.load(owner, PersonalDataCipher.fromBase64(PersonalDataCipher.generateKey()));
      DemoData.inTransaction(
          owner,
          () -> {
            snapshot(owner, "households", TODAY, 700, 700);
            for (String other : new String[] {"xinhua", "qingyuan"}) {
              snapshot(owner, other, "households", TODAY, 0, 0);
            }
            snapshot(owner, "matters_overdue_share", TODAY, 10, 40);
            snapshot(owner, "party_household_share", TODAY, 48, 700);
            snapshot(owner, "party_household_share", TODAY.minusDays(10), 99, 700);
          });

      int written = DemoMetricHistory.load(owner, TODAY, Duration.ZERO);
      assertThat(written).isEqualTo(5 * DemoMetricHistory.DAYS - 1);
      assertThat(DemoMetricHistory.load(owner, TODAY, Duration.ZERO)).isZero();

      assertThat(value(owner, "party_household_share", TODAY.minusDays(10))).isEqualTo(99);
      assertThat(value(owner, "party_household_share", TODAY.minusDays(180)))
          .isBetween(48 * 0.75, 48 * 0.9);
      assertThat(value(owner, "matters_overdue_share", TODAY.minusDays(180)))
          .isBetween(10 * 1.4, 10 * 1.6);
      assertThat(value(owner, "households", TODAY.minusDays(1))).isBetween(700 * 0.96, 700 * 1.04);
      assertThat(value(owner, "households", TODAY.minusDays(DemoMetricHistory.DAYS + 1))).isNaN();
    }
  }

  @Test
  void withoutTodaysSnapshot_nothingIsWritten() throws Exception {
    try (Connection owner = SharedTestDatabase.get().connectAsOwner()) {
      DemoData.load(owner, PersonalDataCipher.fromBase64(PersonalDataCipher.generateKey()));
      assertThat(DemoMetricHistory.load(owner, LocalDate.of(2029, 1, 1), Duration.ZERO)).isZero();
    }
  }

  private static void snapshot(
      Connection owner, String metric, LocalDate day, double value, int sample)
      throws SQLException {
    snapshot(owner, "baiguoshu", metric, day, value, sample);
  }

  private static void snapshot(
      Connection owner, String community, String metric, LocalDate day, double value, int sample)
      throws SQLException {
    try (PreparedStatement insert =
        owner.prepareStatement(
            "INSERT INTO rg.metric_snapshot (community_id, metric_key, day, value, sample, as_of)"
                + " SELECT id, ?, ?, ?, ?, now() FROM rg.community WHERE key = ?")) {
      insert.setString(1, metric);
      insert.setObject(2, day);
      insert.setDouble(3, value);
      insert.setInt(4, sample);
      insert.setString(5, community);
      insert.executeUpdate();
    }
  }

  private static double value(Connection owner, String metric, LocalDate day) throws SQLException {
    double[] value = {Double.NaN};
    DemoData.inTransaction(
        owner,
        () -> {
          try (PreparedStatement query =
              owner.prepareStatement(
                  "SELECT s.value FROM rg.metric_snapshot s JOIN rg.community c"
                      + " ON c.id = s.community_id WHERE c.key = 'baiguoshu'"
                      + " AND s.metric_key = ? AND s.day = ?")) {
            query.setString(1, metric);
            query.setObject(2, day);
            try (ResultSet row = query.executeQuery()) {
              if (row.next()) {
                value[0] = row.getDouble(1);
              }
            }
          }
        });
    return value[0];
  }
}
