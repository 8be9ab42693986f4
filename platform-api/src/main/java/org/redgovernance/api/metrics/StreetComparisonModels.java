package org.redgovernance.api.metrics;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
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

  /** How far back the change is measured: the latest snapshot at least this many days older. */
  static final int CHANGE_DAYS = 7;

  static final ModelRef<Table<Record>> METRICS_OF_STREETS =
      new ModelRef<>("MetricComparison", StreetComparisonModels::metricsOfStreets);
  static final ModelRef<Table<Record>> STANDINGS =
      new ModelRef<>("CommunityStanding", StreetComparisonModels::standings);
  static final ModelRef<Table<Record>> WEEKS =
      new ModelRef<>("MetricPoint", StreetComparisonModels::weeks);

  /** How many weeks a standing's series covers, up to the standing's own day. */
  static final int WEEKS_SHOWN = 12;

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
        .value(
            "ranked",
            row ->
                DSL.field(
                    DSL.selectCount()
                        .from(standingsOf(row, "ranked_standing"))
                        .where(column("ranked_standing", "rank", Integer.class).isNotNull())))
        .value("median", row -> percentile(row, 0.5))
        .value("lowerQuartile", row -> percentile(row, 0.25))
        .value("upperQuartile", row -> percentile(row, 0.75))
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
        .value("previous", standing -> column(standing, "previous", Double.class))
        .value(
            "change",
            standing ->
                column(standing, "value", Double.class)
                    .minus(column(standing, "previous", Double.class)))
        .list(
            "weekly",
            WEEKS,
            (standing, week) ->
                column(week, "community_id", UUID.class)
                    .eq(column(standing, "community_id", UUID.class))
                    .and(
                        column(week, "metric_key", String.class)
                            .eq(column(standing, "metric_key", String.class)))
                    .and(
                        column(week, "day", java.time.LocalDate.class)
                            .le(column(standing, "day", java.time.LocalDate.class)))
                    .and(
                        column(week, "day", java.time.LocalDate.class)
                            .gt(
                                DSL.field(
                                    "{0} - {1}",
                                    java.time.LocalDate.class,
                                    column(standing, "day", java.time.LocalDate.class),
                                    DSL.inline(7 * WEEKS_SHOWN)))),
            week -> List.of(column(week, "day", java.time.LocalDate.class).asc()))
        .build();
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
   * The latest snapshot of each ISO week of each community and metric: a value only where its
   * sample suffices.
   */
  private static Table<Record> weeks(String alias) {
    return DSL.table(
            "(SELECT DISTINCT ON (s.community_id, s.metric_key, date_trunc('week', s.day))"
                + " s.community_id, s.metric_key, s.day, s.sample,"
                + " (s.sample >= m.min_sample) AS sufficient,"
                + " CASE WHEN s.sample >= m.min_sample THEN s.value END AS value"
                + " FROM rg.metric_snapshot s JOIN rg.metric m ON m.key = s.metric_key"
                + " ORDER BY s.community_id, s.metric_key, date_trunc('week', s.day), s.day DESC)")
        .as(alias);
  }

  /** Every street with every metric of the catalogue. */
  private static Table<Record> metricsOfStreets(String alias) {
    return DSL.table(
            "(SELECT s.id AS street_id, s.key AS street_key, m.key AS metric_key,"
                + " m.position AS position FROM rg.street s CROSS JOIN rg.metric m)")
        .as(alias);
  }

  /**
   * Each community's latest snapshot of each metric, with its street, rank and value of a week
   * before: a value only where its sample suffices.
   */
  private static Table<Record> standings(String alias) {
    return DSL.table(
            "(SELECT c.street_id, c.id AS community_id, c.key AS community_key,"
                + " c.name AS community_name, m.key AS metric_key, l.day, l.sample,"
                + " (l.sample >= m.min_sample) AS sufficient,"
                + " CASE WHEN l.sample >= m.min_sample THEN l.value END AS value,"
                + " CASE WHEN l.sample >= m.min_sample AND l.value IS NOT NULL THEN"
                + " (rank() OVER (PARTITION BY c.street_id, m.key,"
                + " (l.sample >= m.min_sample AND l.value IS NOT NULL)"
                + " ORDER BY CASE WHEN m.better = 'LOWER' THEN l.value ELSE -l.value END))::integer"
                + " END AS rank,"
                + " CASE WHEN l.sample >= m.min_sample THEN (SELECT p.value FROM rg.metric_snapshot p"
                + " WHERE p.community_id = c.id AND p.metric_key = m.key AND p.day <= l.day - "
                + CHANGE_DAYS
                + " ORDER BY p.day DESC LIMIT 1) END AS previous"
                + " FROM rg.community c CROSS JOIN rg.metric m"
                + " CROSS JOIN LATERAL (SELECT s.day, s.value, s.sample FROM rg.metric_snapshot s"
                + " WHERE s.community_id = c.id AND s.metric_key = m.key"
                + " ORDER BY s.day DESC LIMIT 1) l)")
        .as(alias);
  }

  /** The standings of the row's street and metric, as a table of its own. */
  private static Table<Record> standingsOf(Table<?> row, String alias) {
    Table<Record> standing = standings(alias);
    return DSL.table(
            DSL.selectFrom(standing)
                .where(
                    column(alias, "street_id", UUID.class)
                        .eq(column(row, "street_id", UUID.class))
                        .and(
                            column(alias, "metric_key", String.class)
                                .eq(column(row, "metric_key", String.class)))))
        .as(alias);
  }

  /** The street's {@code fraction} percentile of the metric's ranked values. */
  private static Field<Double> percentile(Table<?> row, double fraction) {
    String alias = "percentile_" + Math.round(fraction * 100);
    return DSL.field(
        DSL.select(
                DSL.field(
                    "percentile_cont({0}) within group (order by {1})",
                    SQLDataType.DOUBLE, DSL.inline(fraction), column(alias, "value", Double.class)))
            .from(standingsOf(row, alias))
            .where(column(alias, "rank", Integer.class).isNotNull()));
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
