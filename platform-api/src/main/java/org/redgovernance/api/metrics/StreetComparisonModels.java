package org.redgovernance.api.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.tenancy.AccessScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code streetComparison}: how the communities of a street stand on each metric, from each
 * community's latest daily snapshot (rg.metric_snapshot): the rank among those whose sample
 * suffices (ties share a rank, the better direction first; a size, NEITHER, largest first), the
 * street's median and quartiles of those values, and the change against the community's snapshot of
 * a week before. A value whose sample is below the metric's minimum is not shown or ranked
 * (insufficient data). For the street's roles and the platform operator: the snapshots of the
 * street's communities are exactly what their tenant context reaches.
 */
@Configuration(proxyBeanMethods = false)
class StreetComparisonModels {

  static final ModelRef<Table<Record>> METRICS_OF_STREETS =
      new ModelRef<>("MetricComparison", StreetComparisonModels::metricsOfStreets);
  static final ModelRef<Table<Record>> STANDINGS =
      new ModelRef<>("CommunityStanding", StreetComparisonModels::standings);
  static final ModelRef<Table<Record>> DAYS =
      new ModelRef<>("MetricPoint", StreetComparisonModels::days);
  static final ModelRef<Table<Record>> WEEKS =
      new ModelRef<>("MetricPoint", alias -> points(alias, "WEEK"));
  static final ModelRef<Table<Record>> MONTHS =
      new ModelRef<>("MetricPoint", alias -> points(alias, "MONTH"));
  static final ModelRef<Table<Record>> CHANGES =
      new ModelRef<>("MetricChange", StreetComparisonModels::changes);

  /** How many days, weeks and months a standing's series cover, up to the standing's own day. */
  static final int DAYS_SHOWN = 28;

  /** How far back {@code previous} and {@code change} look: the latest snapshot a week older. */
  private static final Field<Object> A_WEEK = DSL.field("interval '7 days'");

  static final int WEEKS_SHOWN = 12;

  static final int MONTHS_SHOWN = 12;

  @Bean
  ObjectModel<Table<Record>> metricComparisonModel() {
    return ObjectModel.of(METRICS_OF_STREETS)
        .rows((row, request) -> streetsOf(column(row, "street_key", String.class), request.scope()))
        .reference(
            "metric",
            MetricModels.METRICS,
            metric -> List.of(metric.KEY),
            row -> List.of(column(row, "metric_key", String.class)))
        .value("streetKey", row -> column(row, "street_key", String.class))
        .value("ranked", row -> DSL.coalesce(column(row, "ranked", Integer.class), DSL.inline(0)))
        .value("median", row -> column(row, "median", Double.class))
        .value("lowerQuartile", row -> column(row, "lower_quartile", Double.class))
        .value("upperQuartile", row -> column(row, "upper_quartile", Double.class))
        .list(
            "communities",
            STANDINGS,
            (row, standing) ->
                column(standing, "street_id", UUID.class)
                    .eq(column(row, "street_id", UUID.class))
                    .and(
                        column(standing, "metric_key", String.class)
                            .eq(column(row, "metric_key", String.class))),
            standing ->
                List.of(
                    column(standing, "rank", Integer.class).asc().nullsLast(),
                    column(standing, "community_key", String.class).asc()))
        .build();
  }

  @Bean
  ObjectModel<Table<Record>> communityStandingModel() {
    return ObjectModel.of(STANDINGS)
        .value("communityKey", standing -> column(standing, "community_key", String.class))
        .value("communityName", standing -> column(standing, "community_name", String.class))
        .date("day", standing -> column(standing, "day", java.time.LocalDate.class))
        .value("value", standing -> column(standing, "value", Double.class))
        .value("sample", standing -> column(standing, "sample", Integer.class))
        .value("sufficient", standing -> column(standing, "sufficient", Boolean.class))
        .value("rank", standing -> column(standing, "rank", Integer.class))
        .value("previous", standing -> previous(standing, A_WEEK))
        .value(
            "change",
            standing -> column(standing, "value", Double.class).minus(previous(standing, A_WEEK)))
        .list(
            "changes",
            CHANGES,
            (standing, change) -> sameSeries(change, standing),
            change -> List.of(column(change, "position", Integer.class)))
        .list(
            "daily",
            DAYS,
            (standing, point) -> within(point, standing, "interval '" + DAYS_SHOWN + " days'"),
            point -> List.of(column(point, "day", LocalDate.class).asc()))
        .list(
            "weekly",
            WEEKS,
            (standing, point) -> within(point, standing, "interval '" + 7 * WEEKS_SHOWN + " days'"),
            point -> List.of(column(point, "day", LocalDate.class).asc()))
        .list(
            "monthly",
            MONTHS,
            (standing, point) -> within(point, standing, "interval '" + MONTHS_SHOWN + " months'"),
            point -> List.of(column(point, "day", LocalDate.class).asc()))
        .build();
  }

  @Bean
  ObjectModel<Table<Record>> metricChangeModel() {
    return ObjectModel.of(CHANGES)
        .value("period", change -> column(change, "period", String.class))
        .date("previousDay", StreetComparisonModels::previousDay)
        .value("previous", change -> previousValue(change))
        .value(
            "change", change -> column(change, "value", Double.class).minus(previousValue(change)))
        .build();
  }

  /** The rows of {@code other} of the standing's community and metric. */
  private static Condition sameSeries(Table<?> other, Table<?> standing) {
    return column(other, "community_id", UUID.class)
        .eq(column(standing, "community_id", UUID.class))
        .and(
            column(other, "metric_key", String.class)
                .eq(column(standing, "metric_key", String.class)));
  }

  /** The points of the standing's series from {@code span} before its day up to it. */
  private static Condition within(Table<?> point, Table<?> standing, String span) {
    Field<LocalDate> day = column(point, "day", LocalDate.class);
    Field<LocalDate> standingDay = column(standing, "day", LocalDate.class);
    return sameSeries(point, standing)
        .and(day.le(standingDay))
        .and(day.gt(DSL.field("({0} - " + span + ")::date", LocalDate.class, standingDay)));
  }

  /**
   * The standing's value in its latest snapshot at least {@code span} older, where its sample
   * sufficed; null when the standing's own does not.
   */
  private static Field<Double> previous(Table<?> standing, Field<?> span) {
    return DSL.when(
        column(standing, "sufficient", Boolean.class), older(standing, span, OLDER_VALUE));
  }

  /** The day of the latest snapshot a period older than the change's standing. */
  private static Field<LocalDate> previousDay(Table<?> change) {
    return older(change, column(change, "span", Object.class), OLDER_DAY);
  }

  /** That snapshot's value, where its sample sufficed and the standing's own value is shown. */
  private static Field<Double> previousValue(Table<?> change) {
    return DSL.when(
        column(change, "value", Double.class).isNotNull(),
        older(change, column(change, "span", Object.class), OLDER_VALUE));
  }

  /** What {@link #older} reads of the older snapshot: its day, or its value where sufficient. */
  private record Older<C>(String select, Class<C> type) {}

  private static final Older<LocalDate> OLDER_DAY = new Older<>("p.day", LocalDate.class);
  private static final Older<Double> OLDER_VALUE =
      new Older<>("CASE WHEN p.sample >= {4} THEN p.value END", Double.class);

  /**
   * {@code what} of the latest snapshot of the row's community and metric on or before {@code span}
   * before the row's day: the one rule of "a week (month, quarter) before" for every view.
   */
  private static <C> Field<C> older(Table<?> row, Field<?> span, Older<C> what) {
    return DSL.field(
        "(SELECT "
            + what.select()
            + " FROM rg.metric_snapshot p WHERE p.community_id = {0} AND p.metric_key = {1}"
            + " AND p.day <= ({2} - {3})::date ORDER BY p.day DESC LIMIT 1)",
        what.type(),
        column(row, "community_id", UUID.class),
        column(row, "metric_key", String.class),
        column(row, "day", LocalDate.class),
        span,
        column(row, "min_sample", Integer.class));
  }

  @Bean
  ObjectModel<Table<Record>> metricPointModel() {
    return ObjectModel.of(WEEKS)
        .date("day", week -> column(week, "day", java.time.LocalDate.class))
        .value("value", week -> column(week, "value", Double.class))
        .value("sample", week -> column(week, "sample", Integer.class))
        .value("sufficient", week -> column(week, "sufficient", Boolean.class))
        .build();
  }

  /**
   * The latest snapshot of each ISO week or calendar month ({@code grain}) of each community and
   * metric, as the snapshot table's trigger keeps it ({@code rg.metric_point}): a value only where
   * its sample suffices.
   */
  private static Table<Record> points(String alias, String grain) {
    return DSL.table(
            "(SELECT p.community_id, p.metric_key, p.day, p.sample,"
                + " (p.sample >= n.min_sample) AS sufficient,"
                + " CASE WHEN p.sample >= n.min_sample THEN p.value END AS value"
                + " FROM rg.metric_point p CROSS JOIN LATERAL (SELECT m.min_sample FROM rg.metric m"
                + " WHERE m.key = p.metric_key) n WHERE p.grain = '"
                + grain
                + "')")
        .as(alias);
  }

  /** Each day's snapshot of each community and metric: a value only where its sample suffices. */
  private static Table<Record> days(String alias) {
    return DSL.table(
            "(SELECT s.community_id, s.metric_key, s.day, s.sample,"
                + " (s.sample >= m.min_sample) AS sufficient,"
                + " CASE WHEN s.sample >= m.min_sample THEN s.value END AS value"
                + " FROM rg.metric_snapshot s JOIN rg.metric m ON m.key = s.metric_key)")
        .as(alias);
  }

  /**
   * Every street with every metric of the catalogue, and the street's summary of it (view {@code
   * rg.metric_street_summary}: how many are ranked, the median and quartiles of their values).
   */
  private static Table<Record> metricsOfStreets(String alias) {
    return DSL.table(
            "(SELECT s.id AS street_id, s.key AS street_key, m.key AS metric_key,"
                + " m.position AS position, t.ranked, t.median, t.lower_quartile, t.upper_quartile"
                + " FROM rg.street s CROSS JOIN rg.metric m LEFT JOIN rg.metric_street_summary t"
                + " ON t.street_id = s.id AND t.metric_key = m.key)")
        .as(alias);
  }

  /**
   * Each community's latest snapshot of each metric, with its street and rank: the view {@code
   * rg.metric_standing}, which a community's place among its peers ({@code rg.peer_standings})
   * reads too.
   */
  private static Table<Record> standings(String alias) {
    return DSL.table(DSL.name("rg", "metric_standing")).as(alias);
  }

  /**
   * Each community's latest snapshot of each metric with each period it is compared over: the rows
   * of {@code changes}.
   */
  private static Table<Record> changes(String alias) {
    return DSL.table(
            "(SELECT l.community_id, l.metric_key, l.day, l.value, l.min_sample, p.period,"
                + " p.position, p.span"
                + " FROM rg.metric_latest l CROSS JOIN (VALUES ('WEEK', 1, interval '7 days'),"
                + " ('MONTH', 2, interval '1 month'), ('QUARTER', 3, interval '3 months'))"
                + " AS p (period, position, span))")
        .as(alias);
  }

  /** The streets the caller holds a street role of (all of them for the platform operator). */
  private static Condition streetsOf(Field<String> streetKey, AccessScope scope) {
    if (scope.caller().platformOperator()) {
      return DSL.noCondition();
    }
    Set<String> streets = scope.caller().streetRoles().keySet();
    return streets.isEmpty() ? DSL.falseCondition() : streetKey.in(streets);
  }

  static <C> Field<C> column(Table<?> table, String name, Class<C> type) {
    return column(table.getName(), name, type);
  }

  static <C> Field<C> column(String table, String name, Class<C> type) {
    return DSL.field(DSL.name(table, name), type);
  }
}
