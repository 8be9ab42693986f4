package org.redgovernance.api.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/**
 * A metric's value and sample for a community, by the metric's key, as SQL: a CASE over every
 * source's key, of which PostgreSQL computes only the row's own. What {@code Community.metrics}
 * answers and what the daily snapshots record, so that both are the same number.
 */
@Component
class MetricValues {

  private final List<MetricSource> sources;

  MetricValues(List<MetricSource> sources) {
    this.sources = sources;
  }

  /** The keys of the metrics whose value of a past day the records of then give. */
  java.util.Set<String> backfilled() {
    return sources.stream()
        .filter(MetricSource::backfills)
        .map(MetricSource::key)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** The value of the metric {@code key} for {@code community} on {@code today}. */
  Field<Double> value(Field<UUID> community, Field<String> key, LocalDate today) {
    return byKey(community, key, today, true);
  }

  /** Its sample: how many things it is computed from (0 when nothing). */
  Field<Integer> sample(Field<UUID> community, Field<String> key, LocalDate today) {
    return DSL.coalesce(byKey(community, key, today, false).cast(SQLDataType.INTEGER), 0);
  }

  private Field<Double> byKey(
      Field<UUID> community, Field<String> key, LocalDate today, boolean valueNotSample) {
    CaseValueStep<String> on = DSL.choose(key);
    CaseWhenStep<String, Double> cases = null;
    for (MetricSource source : sources) {
      Field<Double> computed =
          (valueNotSample ? source.value(community, today) : source.sample(community, today))
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
