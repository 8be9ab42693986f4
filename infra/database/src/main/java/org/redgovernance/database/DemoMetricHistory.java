package org.redgovernance.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;

/**
 * The dev stack's six months of metric history for the demo communities, so that the street's
 * dashboard shows trends the first time the stack starts: for each metric with a value in the
 * community's snapshot of {@code today} (which platform-api records minutes after it starts), a
 * made up daily line over the {@value #DAYS} days before, ending at that value — the better
 * direction improving towards it, sizes growing slightly, with a little weekly wobble. Days that
 * have a snapshot keep it. For the dev stack only: real history is what platform-api records and
 * catches up from the records (the tests start without this).
 */
public final class DemoMetricHistory {

  /** How far back the line goes. */
  public static final int DAYS = 182;

  private DemoMetricHistory() {}

  /**
   * Waits up to {@code patience} for today's snapshots of every demo community (platform-api
   * records them community by community), then writes the missing days before them; how many values
   * it wrote (0 when today's never came).
   */
  public static int load(Connection owner, LocalDate today, Duration patience)
      throws SQLException, InterruptedException {
    long until = System.nanoTime() + patience.toNanos();
    while (todays(owner, today) < DemoData.COMMUNITIES.size()) {
      if (System.nanoTime() > until) {
        return 0;
      }
      Thread.sleep(500);
    }
    int[] written = new int[1];
    DemoData.inTransaction(owner, () -> written[0] = write(owner, today));
    return written[0];
  }

  private static long todays(Connection owner, LocalDate today) throws SQLException {
    long[] count = new long[1];
    DemoData.inTransaction(
        owner,
        () -> {
          try (PreparedStatement query =
              owner.prepareStatement(
                  "SELECT count(DISTINCT community_id) FROM rg.metric_snapshot WHERE day = ?")) {
            query.setObject(1, today);
            try (ResultSet row = query.executeQuery()) {
              row.next();
              count[0] = row.getLong(1);
            }
          }
        });
    return count[0];
  }

  /**
   * One statement: each of today's values times a factor that runs from where the metric started
   * six months ago (a better direction's 80 % or 150 %, a size's 94 %) to 1, times a wobble of a
   * few percent; counts whole, shares and scores within their bounds; the sample likewise.
   */
  private static int write(Connection owner, LocalDate today) throws SQLException {
    try (PreparedStatement insert =
        owner.prepareStatement(
            """
            INSERT INTO rg.metric_snapshot (community_id, metric_key, day, value, sample, as_of)
            SELECT t.community_id, t.metric_key, d.day,
                   CASE m.unit
                     WHEN 'COUNT' THEN round((t.value * f.factor)::numeric, 1)::double precision
                     WHEN 'PERCENT' THEN least(100, round((t.value * f.factor)::numeric, 1))
                     WHEN 'SCORE' THEN least(5, greatest(1, round((t.value * f.factor)::numeric, 2)))
                     ELSE round((t.value * f.factor)::numeric, 1)::double precision
                   END,
                   greatest(0, round(t.sample * (0.9 + 0.1 * f.progress)))::integer,
                   d.day + time '02:00' AT TIME ZONE 'Asia/Shanghai'
              FROM rg.metric_snapshot t
              JOIN rg.metric m ON m.key = t.metric_key
             CROSS JOIN LATERAL (
                   SELECT (?::date - n) AS day, 1 - n / ?::double precision AS progress
                     FROM generate_series(1, ?) n) d
             CROSS JOIN LATERAL (
                   SELECT d.progress,
                          (CASE m.better WHEN 'HIGHER' THEN 0.8 WHEN 'LOWER' THEN 1.5 ELSE 0.94 END
                             * (1 - d.progress) + d.progress)
                          * (1 + 0.03 * sin((d.day - date '2000-01-01') * 0.9
                                            + length(t.metric_key))) AS factor) f
             WHERE t.day = ? AND t.value IS NOT NULL
            ON CONFLICT DO NOTHING
            """)) {
      insert.setObject(1, today);
      insert.setInt(2, DAYS);
      insert.setInt(3, DAYS);
      insert.setObject(4, today);
      return insert.executeUpdate();
    }
  }
}
