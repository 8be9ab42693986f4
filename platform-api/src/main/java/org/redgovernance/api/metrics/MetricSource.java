package org.redgovernance.api.metrics;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jooq.Field;

/**
 * How one metric of the catalogue ({@code rg.metric}, by key) is computed for a community, declared
 * as a bean by the feature the metric comes from, from the same SQL its own figures use: the value
 * (null when there is nothing to compute it from) and the sample it is computed from (households,
 * matters, ratings …), each a column of the statement of the community {@code community}, on the
 * day {@code today} (what is overdue today).
 *
 * <p>A source that {@link #backfills()} computes its value from the records of the day as they were
 * at its end ({@link #endOf}), which the records keep (when a matter was raised, resolved, rated):
 * its value of a day the snapshots missed can be computed later, and is the same number the day
 * would have recorded. The others read the data as it is now (the roster keeps no history of
 * removals, a survey's answers no time).
 */
public interface MetricSource {

  /** The catalogue's key of the metric. */
  String key();

  /** The community's value now. */
  Field<? extends Number> value(Field<UUID> community, LocalDate today);

  /** How many things the value is computed from now. */
  Field<Integer> sample(Field<UUID> community, LocalDate today);

  /** Whether its value of a past day can be computed from the records of then. */
  default boolean backfills() {
    return false;
  }

  /** The end of {@code day} in Asia/Shanghai: what a backfilling source counts up to. */
  static Field<java.time.OffsetDateTime> endOf(LocalDate day) {
    return org.jooq.impl.DSL.val(
        day.plusDays(1)
            .atStartOfDay(org.redgovernance.api.readmodel.ReadRequest.ZONE)
            .toOffsetDateTime());
  }

  /** {@code source}, which computes each day's value from the records as they were at its end. */
  static MetricSource fromHistory(MetricSource source) {
    return new MetricSource() {
      @Override
      public String key() {
        return source.key();
      }

      @Override
      public Field<? extends Number> value(Field<UUID> community, LocalDate today) {
        return source.value(community, today);
      }

      @Override
      public Field<Integer> sample(Field<UUID> community, LocalDate today) {
        return source.sample(community, today);
      }

      @Override
      public boolean backfills() {
        return true;
      }
    };
  }

  /** A metric computed by {@code value} from {@code sample}. */
  static MetricSource of(
      String key,
      BiFunction<Field<UUID>, LocalDate, Field<? extends Number>> value,
      BiFunction<Field<UUID>, LocalDate, Field<Integer>> sample) {
    return new MetricSource() {
      @Override
      public String key() {
        return key;
      }

      @Override
      public Field<? extends Number> value(Field<UUID> community, LocalDate today) {
        return value.apply(community, today);
      }

      @Override
      public Field<Integer> sample(Field<UUID> community, LocalDate today) {
        return sample.apply(community, today);
      }
    };
  }

  /** A count, which is its own sample. */
  static MetricSource count(String key, BiFunction<Field<UUID>, LocalDate, Field<Integer>> count) {
    return of(key, count::apply, count);
  }

  /**
   * A share in percent, {@code 100 × part ÷ whole}, computed from {@code whole} (null when the
   * whole is none).
   */
  static MetricSource share(
      String key,
      BiFunction<Field<UUID>, LocalDate, Field<Integer>> part,
      BiFunction<Field<UUID>, LocalDate, Field<Integer>> whole) {
    return of(
        key,
        (community, today) ->
            org.jooq
                .impl
                .DSL
                .inline(100.0)
                .mul(part.apply(community, today))
                .div(org.jooq.impl.DSL.nullif(whole.apply(community, today), 0)),
        whole);
  }
}
