package org.redgovernance.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.database.PersonalDataCipher;

/** The benchmark's data set: the sizes it promises, and the same rows every time. */
class BenchmarkDataTests {

  @Test
  void twoCommunities_atBaiguoshusScale_withAYearOfActivity_sameEveryTime() throws Exception {
    PersonalDataCipher cipher = PersonalDataCipher.fromBase64(PersonalDataCipher.generateKey());
    try (LocalPostgres postgres = LocalPostgres.start(null, 0);
        Connection owner = postgres.connectAsOwner()) {
      long started = System.nanoTime();
      BenchmarkData.load(owner, cipher, 2);
      System.out.printf(
          "benchmark: 2 communities loaded in %.1f s%n", (System.nanoTime() - started) / 1e9);
      Map<String, Long> sizes = sizes(owner, "bench-002");
      assertThat(sizes.get("household")).isEqualTo(708);
      assertThat(sizes.get("resident")).isBetween(2_000L, 3_000L);
      assertThat(sizes.get("party_member")).isEqualTo(338);
      assertThat(sizes.get("notice")).isEqualTo(104);
      assertThat(sizes.get("matter")).isEqualTo(312);
      assertThat(sizes.get("matter_event")).isGreaterThan(312 * 4);
      assertThat(sizes.get("matter_support")).isGreaterThan(500);
      assertThat(sizes.get("meeting")).isEqualTo(52);
      assertThat(sizes.get("agenda_item")).isEqualTo(156);
      assertThat(sizes.get("attendance")).isGreaterThan(52 * 20);
      assertThat(sizes.get("action_item")).isEqualTo(52);

      String fingerprint = fingerprint(owner, "bench-001");
      BenchmarkData.load(owner, cipher, 2);
      assertThat(sizes(owner, "bench-002")).as("loading again adds nothing").isEqualTo(sizes);
      assertThat(fingerprint(owner, "bench-001")).isEqualTo(fingerprint);
    }
  }

  private static Map<String, Long> sizes(Connection owner, String key) throws SQLException {
    Map<String, Long> sizes = new LinkedHashMap<>();
    allCommunities(owner);
    for (String table :
        new String[] {
          "household",
          "resident",
          "party_member",
          "notice",
          "matter",
          "matter_event",
          "matter_support",
          "meeting",
          "agenda_item",
          "attendance",
          "action_item"
        }) {
      try (ResultSet row =
          owner
              .createStatement()
              .executeQuery(
                  "SELECT count(*) FROM rg."
                      + table
                      + " t JOIN rg.community c ON c.id = t.community_id WHERE c.key = '"
                      + key
                      + "'")) {
        row.next();
        sizes.put(table, row.getLong(1));
      }
    }
    return sizes;
  }

  /** The generated activity (ids, statuses, times relative to the load) in one hash. */
  private static String fingerprint(Connection owner, String key) throws SQLException {
    allCommunities(owner);
    try (ResultSet row =
        owner
            .createStatement()
            .executeQuery(
                "SELECT md5(string_agg(m.id || m.status || m.title, ',' ORDER BY m.id))"
                    + " FROM rg.matter m JOIN rg.community c ON c.id = m.community_id"
                    + " WHERE c.key = '"
                    + key
                    + "'")) {
      row.next();
      return row.getString(1);
    }
  }

  private static void allCommunities(Connection owner) throws SQLException {
    owner
        .createStatement()
        .executeQuery(
            "SELECT set_config('rg.community_ids', (SELECT array_agg(id)::text FROM rg.community),"
                + " false)")
        .close();
  }
}
