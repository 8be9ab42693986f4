package org.redgovernance.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * rg.peer_standings, the one door through which platform-api reads past a community's wall: only
 * the communities of the caller's tenant context come back, only aggregates of the others, and the
 * context is the same after it as before.
 */
class PeerStandingsTests {

  @Test
  void onlyTheCallersCommunitiesComeBack_andTheTenantContextIsPutBack() throws SQLException {
    UUID baiguoshu;
    UUID xinhua;
    try (Connection owner = SharedTestDatabase.get().connectAsOwner()) {
      DemoData.load(owner, PersonalDataCipher.fromBase64(PersonalDataCipher.generateKey()));
      baiguoshu = DemoData.communityId(owner, "baiguoshu");
      xinhua = DemoData.communityId(owner, "xinhua");
      DemoData.inTransaction(
          owner,
          () -> {
            try (Statement insert = owner.createStatement()) {
              insert.execute(
                  "INSERT INTO rg.metric_snapshot (community_id, metric_key, day, value, sample,"
                      + " as_of) SELECT c.id, 'households', date '2032-01-01',"
                      + " CASE c.key WHEN 'baiguoshu' THEN 700 ELSE 300 END, 700, now()"
                      + " FROM rg.community c WHERE c.key IN ('baiguoshu', 'xinhua')"
                      + " ON CONFLICT DO NOTHING");
            }
          });
    }
    try (Connection api = SharedTestDatabase.get().connectAsApi()) {
      api.setAutoCommit(false);
      try (Statement statement = api.createStatement()) {
        statement.execute("SELECT set_config('rg.community_ids', '{" + baiguoshu + "}', true)");
        List<String> rows = new ArrayList<>();
        try (ResultSet row =
            statement.executeQuery(
                "SELECT community_id, rank, ranked, median, value FROM rg.peer_standings()"
                    + " WHERE metric_key = 'households'")) {
          while (row.next()) {
            rows.add(
                row.getString(1)
                    + " rank "
                    + row.getInt(2)
                    + " of "
                    + row.getInt(3)
                    + " median "
                    + row.getObject(4)
                    + " value "
                    + row.getDouble(5));
          }
        }
        assertThat(rows).containsExactly(baiguoshu + " rank 1 of 2 median null value 700.0");
        try (ResultSet after =
            statement.executeQuery("SELECT current_setting('rg.community_ids')")) {
          after.next();
          assertThat(after.getString(1)).isEqualTo("{" + baiguoshu + "}");
        }
        try (ResultSet snapshots =
            statement.executeQuery(
                "SELECT count(*) FROM rg.metric_snapshot WHERE community_id = '" + xinhua + "'")) {
          snapshots.next();
          assertThat(snapshots.getLong(1)).as("the neighbour's rows stay behind the wall").isZero();
        }
      } finally {
        api.rollback();
      }
      try (Statement statement = api.createStatement();
          ResultSet none = statement.executeQuery("SELECT count(*) FROM rg.peer_standings()")) {
        none.next();
        assertThat(none.getLong(1)).as("no tenant context, nothing").isZero();
      }
    }
  }
}
