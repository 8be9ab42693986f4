package org.redgovernance.api.metrics;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.METRIC;
import static org.redgovernance.database.jooq.Tables.METRIC_SNAPSHOT;

import java.util.List;
import java.util.UUID;
import org.jooq.Record4;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.redgovernance.api.communities.CommunityModels;
import org.redgovernance.api.readmodel.Arguments;
import org.redgovernance.api.readmodel.Keyset;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.jooq.tables.Metric;
import org.redgovernance.database.jooq.tables.MetricSnapshot;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code Metric}, the catalogue's rows, and {@code MetricValue}, a community's value of each: one
 * row per community and metric, whose value and sample are the metric's source (a CASE over the
 * catalogue's keys, of which PostgreSQL computes only the row's own). Every view of a metric reads
 * it here, so the same label is always the same number.
 */
@Configuration(proxyBeanMethods = false)
class MetricModels {

  static final ModelRef<Metric> METRICS = new ModelRef<>("Metric", METRIC::as);
  static final ModelRef<MetricSnapshot> SNAPSHOTS =
      new ModelRef<>("MetricSnapshot", METRIC_SNAPSHOT::as);
  static final ModelRef<Table<Record4<UUID, String, Integer, Integer>>> VALUES =
      new ModelRef<>("MetricValue", MetricModels::communityMetrics);

  @Bean
  ObjectModel<Metric> metricModel(MetricValues computed) {
    return ObjectModel.of(METRICS)
        .value("key", metric -> metric.KEY)
        .value("feature", metric -> metric.FEATURE)
        .value("label", metric -> metric.LABEL_ZH)
        .value("labelEn", metric -> metric.LABEL_EN)
        .value("definition", metric -> metric.DEFINITION)
        .value("definitionZh", metric -> metric.DEFINITION_ZH)
        .value("formula", metric -> metric.FORMULA)
        .value("unit", metric -> metric.UNIT)
        .value("better", metric -> metric.BETTER)
        .value("minSample", metric -> metric.MIN_SAMPLE)
        .value(
            "backfills",
            metric ->
                DSL.field(
                    metric.KEY.in(
                        computed.backfilled().stream().sorted().map(DSL::inline).toList())))
        .build();
  }

  @Bean
  ObjectModel<Table<Record4<UUID, String, Integer, Integer>>> metricValueModel(
      MetricValues computed) {
    return ObjectModel.of(VALUES)
        .reference(
            "metric",
            METRICS,
            metric -> List.of(metric.KEY),
            value -> List.of(value.field("key", String.class)))
        .value(
            "value",
            (value, request) ->
                computed.value(
                    value.field("community_id", UUID.class),
                    value.field("key", String.class),
                    request.today()))
        .value(
            "sample",
            (value, request) ->
                computed.sample(
                    value.field("community_id", UUID.class),
                    value.field("key", String.class),
                    request.today()))
        .value(
            "sufficient",
            (value, request) ->
                DSL.field(
                    computed
                        .sample(
                            value.field("community_id", UUID.class),
                            value.field("key", String.class),
                            request.today())
                        .ge(value.field("min_sample", Integer.class))))
        .dateTime("asOf", value -> DSL.currentOffsetDateTime())
        .build();
  }

  @Bean
  ObjectModel<MetricSnapshot> metricSnapshotModel() {
    return ObjectModel.of(SNAPSHOTS)
        .reference(
            "metric",
            METRICS,
            metric -> List.of(metric.KEY),
            snapshot -> List.of(snapshot.METRIC_KEY))
        .date("day", snapshot -> snapshot.DAY)
        .value("value", snapshot -> snapshot.VALUE)
        .value("sample", snapshot -> snapshot.SAMPLE)
        .value(
            "sufficient",
            snapshot ->
                DSL.field(
                    snapshot.SAMPLE.ge(
                        DSL.field(
                            DSL.select(METRIC.MIN_SAMPLE)
                                .from(METRIC)
                                .where(METRIC.KEY.eq(snapshot.METRIC_KEY))))))
        .dateTime("asOf", snapshot -> snapshot.AS_OF)
        .value(
            "backfilled",
            snapshot ->
                DSL.field(
                    snapshot.AS_OF.ge(
                        DSL.field(
                            "(({0} + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')",
                            java.time.OffsetDateTime.class, snapshot.DAY))))
        .build();
  }

  @Bean
  ObjectModel<org.redgovernance.database.jooq.tables.Community> communityMetrics() {
    return ObjectModel.extension(CommunityModels.COMMUNITIES)
        .connection(
            "metricSnapshots",
            SNAPSHOTS,
            (community, snapshot) -> snapshot.COMMUNITY_ID.eq(community.ID),
            Keyset.oldestFirst(snapshot -> snapshot.AS_OF, snapshot -> snapshot.ID),
            (snapshot, arguments) -> snapshotFilter(snapshot, arguments))
        .readableIf(
            "metricSnapshots",
            ReachableCommunity::staffOrOverseen,
            "Only the community's staff and the street office read its metrics")
        .list(
            "metrics",
            VALUES,
            (community, value) -> value.field("community_id", UUID.class).eq(community.ID),
            value -> List.of(value.field("position", Integer.class)))
        .readableIf(
            "metrics",
            ReachableCommunity::staffOrOverseen,
            "Only the community's staff and the street office read its metrics")
        .build();
  }

  /** The snapshots of {@code metricSnapshots(filter: {keys, from, until})}. */
  private static org.jooq.Condition snapshotFilter(
      MetricSnapshot snapshot, java.util.Map<String, Object> arguments) {
    java.util.Map<String, Object> filter = Arguments.input(arguments, "filter");
    org.jooq.Condition where = DSL.noCondition();
    if (filter.get("keys") instanceof List<?> keys && !keys.isEmpty()) {
      where = where.and(snapshot.METRIC_KEY.in(keys.stream().map(String::valueOf).toList()));
    }
    if (filter.get("from") instanceof java.time.LocalDate from) {
      where = where.and(snapshot.DAY.ge(from));
    }
    if (filter.get("until") instanceof java.time.LocalDate until) {
      where = where.and(snapshot.DAY.le(until));
    }
    return where;
  }

  /** The catalogue in its order: the root field {@code metrics}. */
  static List<? extends org.jooq.OrderField<?>> order(Metric metric) {
    return List.of(metric.POSITION);
  }

  /** Every community with every metric of the catalogue. */
  private static Table<Record4<UUID, String, Integer, Integer>> communityMetrics(String alias) {
    Metric metric = METRIC.as("catalogue");
    return DSL.select(
            COMMUNITY.ID.as("community_id"),
            metric.KEY.as("key"),
            metric.POSITION.as("position"),
            metric.MIN_SAMPLE.as("min_sample"))
        .from(COMMUNITY)
        .crossJoin(metric)
        .asTable(alias);
  }

  /** The keys of the catalogue, as the database holds it. */
  static java.util.Set<String> catalogueKeys(org.jooq.DSLContext dsl) {
    return dsl.select(METRIC.KEY).from(METRIC).fetchSet(METRIC.KEY);
  }
}
