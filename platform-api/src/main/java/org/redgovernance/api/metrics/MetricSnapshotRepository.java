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
                .from(METRIC))
        .onConflictDoNothing()
        .execute();
  }
}
