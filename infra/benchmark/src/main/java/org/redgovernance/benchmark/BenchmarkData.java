package org.redgovernance.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.redgovernance.database.DemoData;
import org.redgovernance.database.DemoRoster;
import org.redgovernance.database.PersonalDataCipher;
import org.redgovernance.database.TenantContext;

/**
 * The benchmark's data set: street {@value #STREET} with communities {@code bench-001}, {@code
 * bench-002} …, each at Baiguoshu's scale (708 households, about 2,500 residents, 338 party
 * members, the five bodies) with a year of notices, matters and weekly briefings. The same count
 * always gives the same data; a community already loaded is left as it is, so a larger data set
 * grows from a smaller one.
 */
public final class BenchmarkData {

  public static final String STREET = "benchmark";

  private BenchmarkData() {}

  public static String communityKey(int number) {
    return "bench-%03d".formatted(number);
  }

  /** Loads communities 1 to {@code communities} as the database owner, one transaction each. */
  public static void load(Connection owner, PersonalDataCipher cipher, int communities)
      throws SQLException {
    boolean autoCommit = owner.getAutoCommit();
    owner.setAutoCommit(false);
    try {
      update(
          owner,
          "INSERT INTO rg.street (id, key, name) VALUES (md5('street:' || ?)::uuid, ?, '基准街道')"
              + " ON CONFLICT (key) DO NOTHING",
          STREET,
          STREET);
      owner.commit();
      for (int number = 1; number <= communities; number++) {
        String key = communityKey(number);
        update(
            owner,
            "INSERT INTO rg.community (id, key, name, street_id, status)"
                + " SELECT md5('community:' || ?)::uuid, ?, ?, s.id, 'ACTIVE'"
                + " FROM rg.street s WHERE s.key = ? ON CONFLICT (key) DO NOTHING",
            key,
            key,
            "基准社区" + number,
            STREET);
        UUID id = DemoData.communityId(owner, key);
        TenantContext.apply(owner, List.of(id), "benchmark-data");
        DemoRoster roster = new DemoRoster(owner, cipher, id, key);
        if (!roster.alreadyLoaded()) {
          roster.load(DemoRoster.BAIGUOSHU);
          try (var analyze = owner.createStatement()) {
            // the generator below joins on the fresh roster; without statistics it crawls
            analyze.execute(
                "ANALYZE rg.resident, rg.governance_body, rg.body_membership, rg.body_term");
          }
          new YearOfActivity(owner, id, key).load();
        }
        metricHistory(owner, id);
        owner.commit();
      }
    } catch (SQLException | RuntimeException e) {
      owner.rollback();
      throw e;
    } finally {
      owner.setAutoCommit(autoCommit);
    }
    try (var analyze = owner.createStatement()) {
      analyze.execute("ANALYZE");
    }
  }

  /**
   * Sixteen weeks of daily snapshots of every metric up to today, made up (the dashboard's volume,
   * not its values, is what is measured); days already there are kept, so each run tops the history
   * up to its own day.
   */
  private static void metricHistory(Connection owner, UUID community) throws SQLException {
    try (PreparedStatement insert =
        owner.prepareStatement(
            "INSERT INTO rg.metric_snapshot (community_id, metric_key, day, value, sample, as_of)"
                + " SELECT ?, m.key, d::date,"
                + " round((50 + 40 * sin(hashtext(?::text || m.key) + (d::date - date '2000-01-01')"
                + " / 20.0))::numeric, 1), 100 + abs(hashtext(?::text || m.key)) % 900,"
                + " d + time '02:00' FROM rg.metric m"
                + " CROSS JOIN generate_series(current_date - 111, current_date, interval '1 day') d"
                + " ON CONFLICT DO NOTHING")) {
      insert.setObject(1, community);
      insert.setObject(2, community);
      insert.setObject(3, community);
      insert.executeUpdate();
    }
  }

  private static void update(Connection owner, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement statement = owner.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
