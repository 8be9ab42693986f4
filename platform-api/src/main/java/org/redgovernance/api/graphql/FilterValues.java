package org.redgovernance.api.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one naming rule of filters: a filter on an enum takes a list, named in the plural ({@code
 * statuses}, {@code kinds}), and matches any of its values; left out or empty, it does not filter.
 * The singular fields older clients send (deprecated) join the list.
 */
public final class FilterValues {

  private FilterValues() {}

  /** The values to match any of; null when the filter does not filter. */
  public static <T> @Nullable List<T> anyOf(@Nullable Collection<T> plural, @Nullable T singular) {
    return anyOf(plural, singular == null ? null : List.of(singular));
  }

  /** As {@link #anyOf(Collection, Object)}, for a deprecated field that was already a list. */
  public static <T> @Nullable List<T> anyOf(
      @Nullable Collection<T> plural, @Nullable Collection<T> deprecated) {
    List<T> values = new ArrayList<>();
    if (plural != null) {
      values.addAll(plural);
    }
    if (deprecated != null) {
      values.addAll(deprecated);
    }
    return values.isEmpty() ? null : List.copyOf(values);
  }
}
