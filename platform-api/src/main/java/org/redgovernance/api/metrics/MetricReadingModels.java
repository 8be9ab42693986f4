package org.redgovernance.api.metrics;

import static org.redgovernance.database.jooq.Tables.METRIC;
import static org.redgovernance.database.jooq.Tables.METRIC_LATEST;
import static org.redgovernance.database.jooq.Tables.METRIC_SNAPSHOT;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.database.jooq.tables.Metric;
import org.redgovernance.database.jooq.tables.MetricLatest;
import org.redgovernance.database.jooq.tables.MetricSnapshot;

/**
 * What other features read of the metrics, published so that they never read the metrics' tables
 * themselves: the catalogue's {@code Metric} to point at, a community's latest recorded value, its
 * snapshot as of a past day, and whether a value meets a target — each defined here once.
 */
public final class MetricReadingModels {

  /** The catalogue's {@code Metric}, for a field that points at one by its key. */
  public static final ModelRef<Metric> METRICS = MetricModels.METRICS;

  private MetricReadingModels() {}

  /** The key of {@link #METRICS}' rows, to join a metric key to. */
  public static List<Field<?>> key(Metric metric) {
    return List.of(metric.KEY);
  }

  /** Whether {@code key} is a metric of the catalogue. */
  public static Condition inCatalogue(Field<String> key) {
    return DSL.exists(DSL.selectOne().from(METRIC).where(METRIC.KEY.eq(key)));
  }

  /**
   * The community's value of the metric in its latest snapshot, null when it was insufficient data
   * (under the metric's minimum sample) or there is none.
   */
  public static Field<Double> latestValue(Field<UUID> community, Field<String> metric) {
    MetricLatest latest = METRIC_LATEST.as("read_latest");
    return DSL.field(
        DSL.select(latest.VALUE).from(latest).where(latestOf(latest, community, metric)));
  }

  /** The day of the community's latest snapshot of the metric, null when there is none. */
  public static Field<LocalDate> latestDay(Field<UUID> community, Field<String> metric) {
    MetricLatest latest = METRIC_LATEST.as("read_latest_day");
    return DSL.field(
        DSL.select(latest.DAY).from(latest).where(latestOf(latest, community, metric)));
  }

  private static Condition latestOf(
      MetricLatest latest, Field<UUID> community, Field<String> metric) {
    return latest.COMMUNITY_ID.eq(community).and(latest.METRIC_KEY.eq(metric));
  }

  /**
   * Whether {@code value} of the metric meets {@code target}: at most the target where lower is
   * better, at least it otherwise (a size's target is a size to reach); null without a value.
   */
  public static Field<Boolean> meets(
      Field<String> metric, Field<Double> value, Field<Double> target) {
    Metric defined = METRIC.as("target_metric");
    Field<String> better =
        DSL.field(DSL.select(defined.BETTER).from(defined).where(defined.KEY.eq(metric)));
    return DSL.when(value.isNull(), DSL.inline((Boolean) null))
        .when(better.eq(DSL.inline("LOWER")), DSL.field(value.le(target)))
        .otherwise(DSL.field(value.ge(target)));
  }

  /**
   * The community's snapshot of the metric {@code metricKey} (a column to correlate with) as of
   * {@code day} — the latest recorded on or before it — as one row of (metric_key, day, value,
   * sample, sufficient), or none. The value is null when the sample was under the metric's minimum:
   * insufficient data.
   */
  public static Select<Record5<String, LocalDate, Double, Integer, Boolean>> asOf(
      UUID community, Field<String> metricKey, LocalDate day) {
    MetricSnapshot snapshot = METRIC_SNAPSHOT.as("as_of_snapshot");
    Metric defined = METRIC.as("as_of_metric");
    Field<Boolean> sufficient = DSL.field(snapshot.SAMPLE.ge(defined.MIN_SAMPLE));
    return DSL.select(
            snapshot.METRIC_KEY,
            snapshot.DAY,
            DSL.when(sufficient, snapshot.VALUE).as("value"),
            snapshot.SAMPLE,
            sufficient.as("sufficient"))
        .from(snapshot)
        .join(defined)
        .on(defined.KEY.eq(snapshot.METRIC_KEY))
        .where(
            snapshot.COMMUNITY_ID.eq(community),
            snapshot.METRIC_KEY.eq(metricKey),
            snapshot.DAY.le(day))
        .orderBy(snapshot.DAY.desc())
        .limit(1);
  }
}
