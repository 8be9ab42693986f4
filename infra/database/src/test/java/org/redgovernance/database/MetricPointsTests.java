package org.redgovernance.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The points the dashboard reads: the latest snapshot of each community and metric, of each ISO
 * week and of each month, kept by the snapshot table's trigger whoever writes or removes snapshots.
 */
class MetricPointsTests {

  @Test
  void eachPoint_isTheLatestSnapshotOfItsPeriod_afterEveryInsertAndDelete() throws Exception {
    try (Connection owner = SharedTestDatabase.get().connectAsOwner()) {
      DemoData.load(owner, PersonalDataCipher.fromBase64(PersonalDataCipher.generateKey()));
      DemoData.inTransaction(
          owner,
          () -> {
            // Wednesday 2033-03-02 and Sunday 2033-03-06 (one ISO week), Monday 2033-03-07
            for (String[] snapshot :
                new String[][] {{"2033-03-06", "6"}, {"2033-03-02", "2"}, {"2033-03-07", "7"}}) {
              snapshot(owner, snapshot[0], Double.parseDouble(snapshot[1]));
            }
          });
      assertThat(points(owner))
          .containsExactly(
              "LATEST 2000-01-01 2033-03-07 7.0",
              "MONTH 2033-03-01 2033-03-07 7.0",
              "WEEK 2033-02-28 2033-03-06 6.0",
              "WEEK 2033-03-07 2033-03-07 7.0");
      DemoData.inTransaction(
          owner,
          () -> {
            try (PreparedStatement delete =
                owner.prepareStatement(
                    "DELETE FROM rg.metric_snapshot WHERE metric_key = 'notices_published'"
                        + " AND day IN (date '2033-03-07', date '2033-03-06')"
                        + " AND community_id = (SELECT id FROM rg.community WHERE key = 'qingyuan')")) {
              delete.executeUpdate();
            }
          });
      assertThat(points(owner))
          .containsExactly(
              "LATEST 2000-01-01 2033-03-02 2.0",
              "MONTH 2033-03-01 2033-03-02 2.0",
              "WEEK 2033-02-28 2033-03-02 2.0");
    }
  }

  private static void snapshot(Connection owner, String day, double value) throws SQLException {
    try (PreparedStatement insert =
        owner.prepareStatement(
            "INSERT INTO rg.metric_snapshot (community_id, metric_key, day, value, sample, as_of)"
                + " SELECT id, 'notices_published', ?::date, ?, 1, now() FROM rg.community"
                + " WHERE key = 'qingyuan'")) {
      insert.setString(1, day);
      insert.setDouble(2, value);
      insert.executeUpdate();
    }
  }

  private static List<String> points(Connection owner) throws SQLException {
    List<String> points = new ArrayList<>();
    DemoData.inTransaction(
        owner,
        () -> {
          try (PreparedStatement query =
                  owner.prepareStatement(
                      "SELECT grain, period, day, value FROM rg.metric_point p"
                          + " JOIN rg.community c ON c.id = p.community_id WHERE c.key = 'qingyuan'"
                          + " AND p.metric_key = 'notices_published' AND p.day >= date '2033-01-01'"
                          + " ORDER BY grain, period");
              ResultSet row = query.executeQuery()) {
            while (row.next()) {
              points.add(
                  row.getString(1)
                      + " "
                      + row.getString(2)
                      + " "
                      + row.getString(3)
                      + " "
                      + row.getDouble(4));
            }
          }
        });
    return points;
  }
}
