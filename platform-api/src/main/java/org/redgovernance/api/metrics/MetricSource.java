package org.redgovernance.api.metrics;

import java.util.UUID;
import java.util.function.BiFunction;
import org.jooq.Field;
import org.redgovernance.api.readmodel.ReadRequest;

/**
 * How one metric of the catalogue ({@code rg.metric}, by key) is computed for a community, declared
 * as a bean by the feature the metric comes from, from the same SQL its own figures use: the value
 * (null when there is nothing to compute it from) and the sample it is computed from (households,
 * matters, ratings …), each a column of the statement of the community {@code community}, for the
 * request (its day: what is overdue today).
 */
public interface MetricSource {

  /** The catalogue's key of the metric. */
  String key();

  /** The community's value now. */
  Field<? extends Number> value(Field<UUID> community, ReadRequest request);

  /** How many things the value is computed from now. */
  Field<Integer> sample(Field<UUID> community, ReadRequest request);

  /** A metric computed by {@code value} from {@code sample}. */
  static MetricSource of(
      String key,
      BiFunction<Field<UUID>, ReadRequest, Field<? extends Number>> value,
      BiFunction<Field<UUID>, ReadRequest, Field<Integer>> sample) {
    return new MetricSource() {
      @Override
      public String key() {
        return key;
      }

      @Override
      public Field<? extends Number> value(Field<UUID> community, ReadRequest request) {
        return value.apply(community, request);
      }

      @Override
      public Field<Integer> sample(Field<UUID> community, ReadRequest request) {
        return sample.apply(community, request);
      }
    };
  }

  /** A count, which is its own sample. */
  static MetricSource count(
      String key, BiFunction<Field<UUID>, ReadRequest, Field<Integer>> count) {
    return of(key, count::apply, count);
  }

  /**
   * A share in percent, {@code 100 × part ÷ whole}, computed from {@code whole} (null when the
   * whole is none).
   */
  static MetricSource share(
      String key,
      BiFunction<Field<UUID>, ReadRequest, Field<Integer>> part,
      BiFunction<Field<UUID>, ReadRequest, Field<Integer>> whole) {
    return of(
        key,
        (community, request) ->
            org.jooq
                .impl
                .DSL
                .inline(100.0)
                .mul(part.apply(community, request))
                .div(org.jooq.impl.DSL.nullif(whole.apply(community, request), 0)),
        whole);
  }
}
