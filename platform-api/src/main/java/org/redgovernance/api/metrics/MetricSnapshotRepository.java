package org.redgovernance.api.metrics;

import static org.redgovernance.database.jooq.Tables.METRIC;
import static org.redgovernance.database.jooq.Tables.METRIC_SNAPSHOT;

import java.time.LocalDate;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** The daily snapshots of the metrics, as SQL. */
@Component
class MetricSnapshotRepository {

  private final MetricValues values;

  MetricSnapshotRepository(MetricValues values) {
    this.values = values;
  }

  /**
   * Records the community's value of every metric for {@code day}, computed now, in one statement;
   * a metric recorded for the day already keeps its value. How many were recorded now.
   */
  int record(DSLContext dsl, UUID communityId, LocalDate day) {
    return record(dsl, communityId, day, DSL.noCondition());
  }

  /**
   * Records the community's value for the past {@code day} of every metric the records of then give
   * ({@link MetricSource#backfills}), computed now; the others stay missing for that day.
   */
  int backfill(DSLContext dsl, UUID communityId, LocalDate day) {
    return record(dsl, communityId, day, METRIC.KEY.in(values.backfilled()));
  }

  /** The days from {@code from} to {@code until} of which the community has some snapshot. */
  java.util.Set<LocalDate> recordedDays(
      DSLContext dsl, UUID communityId, LocalDate from, LocalDate until) {
    return dsl.selectDistinct(METRIC_SNAPSHOT.DAY)
        .from(METRIC_SNAPSHOT)
        .where(
            METRIC_SNAPSHOT.COMMUNITY_ID.eq(communityId), METRIC_SNAPSHOT.DAY.between(from, until))
        .fetchSet(METRIC_SNAPSHOT.DAY);
  }

  private int record(DSLContext dsl, UUID communityId, LocalDate day, org.jooq.Condition metrics) {
    Field<UUID> community = DSL.val(communityId);
    return dsl.insertInto(
            METRIC_SNAPSHOT,
            METRIC_SNAPSHOT.COMMUNITY_ID,
            METRIC_SNAPSHOT.METRIC_KEY,
            METRIC_SNAPSHOT.DAY,
            METRIC_SNAPSHOT.VALUE,
            METRIC_SNAPSHOT.SAMPLE,
            METRIC_SNAPSHOT.AS_OF)
        .select(
            DSL.select(
                    community,
                    METRIC.KEY,
                    DSL.val(day),
                    values.value(community, METRIC.KEY, day),
                    values.sample(community, METRIC.KEY, day),
                    DSL.currentOffsetDateTime())
                .from(METRIC)
                .where(metrics))
        .onConflictDoNothing()
        .execute();
  }
}
