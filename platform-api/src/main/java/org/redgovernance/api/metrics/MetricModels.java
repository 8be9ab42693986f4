package org.redgovernance.api.metrics;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.METRIC;

import java.util.List;
import java.util.UUID;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.redgovernance.api.communities.CommunityModels;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.jooq.tables.Metric;
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
  static final ModelRef<Table<Record4<UUID, String, Integer, Integer>>> VALUES =
      new ModelRef<>("MetricValue", MetricModels::communityMetrics);

  @Bean
  ObjectModel<Metric> metricModel() {
    return ObjectModel.of(METRICS)
        .value("key", metric -> metric.KEY)
        .value("feature", metric -> metric.FEATURE)
        .value("label", metric -> metric.LABEL_ZH)
        .value("labelEn", metric -> metric.LABEL_EN)
        .value("definition", metric -> metric.DEFINITION)
        .value("formula", metric -> metric.FORMULA)
        .value("unit", metric -> metric.UNIT)
        .value("better", metric -> metric.BETTER)
        .value("minSample", metric -> metric.MIN_SAMPLE)
        .build();
  }

  @Bean
  ObjectModel<Table<Record4<UUID, String, Integer, Integer>>> metricValueModel(
      List<MetricSource> sources) {
    return ObjectModel.of(VALUES)
        .reference(
            "metric",
            METRICS,
            metric -> List.of(metric.KEY),
            value -> List.of(value.field("key", String.class)))
        .value("value", (value, request) -> byKey(value, request, sources, true))
        .value("sample", (value, request) -> sample(value, request, sources))
        .value(
            "sufficient",
            (value, request) ->
                DSL.field(
                    sample(value, request, sources).ge(value.field("min_sample", Integer.class))))
        .dateTime("asOf", value -> DSL.currentOffsetDateTime())
        .build();
  }

  @Bean
  ObjectModel<org.redgovernance.database.jooq.tables.Community> communityMetrics(
      List<MetricSource> sources) {
    return ObjectModel.extension(CommunityModels.COMMUNITIES)
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

  private static Field<Integer> sample(
      Table<?> value,
      org.redgovernance.api.readmodel.ReadRequest request,
      List<MetricSource> sources) {
    return DSL.coalesce(byKey(value, request, sources, false).cast(SQLDataType.INTEGER), 0);
  }

  /** The row's metric's value (or sample), from its source: a CASE over the catalogue's keys. */
  private static Field<Double> byKey(
      Table<?> value,
      org.redgovernance.api.readmodel.ReadRequest request,
      List<MetricSource> sources,
      boolean valueNotSample) {
    Field<UUID> community = value.field("community_id", UUID.class);
    CaseValueStep<String> on = DSL.choose(value.field("key", String.class));
    CaseWhenStep<String, Double> cases = null;
    for (MetricSource source : sources) {
      Field<Double> computed =
          (valueNotSample ? source.value(community, request) : source.sample(community, request))
              .cast(SQLDataType.DOUBLE);
      cases =
          cases == null
              ? on.when(DSL.inline(source.key()), computed)
              : cases.when(DSL.inline(source.key()), computed);
    }
    return cases == null
        ? DSL.castNull(SQLDataType.DOUBLE)
        : cases.otherwise(DSL.castNull(SQLDataType.DOUBLE));
  }
}
