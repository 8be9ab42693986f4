package org.redgovernance.api.readmodel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Index;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;

/**
 * What a {@link ObjectModel.Builder#reference} joins by: a unique key of the target's table — its
 * primary key, a unique constraint, or a unique index over all of its rows — so that a join by it
 * finds one row at most, as the generated tables describe the database.
 */
final class UniqueKeys {

  private UniqueKeys() {}

  /** Refuses a declaration whose {@code key} is not a unique key of {@code target}'s table. */
  static <R extends Table<?>> void require(
      ModelRef<R> target, Function<R, List<? extends Field<?>>> key) {
    R table = target.alias().apply(target.typeName());
    Set<String> columns = names(key.apply(table).stream());
    boolean unique =
        Stream.concat(
                table.getKeys().stream().map(UniqueKeys::columns),
                table.getIndexes().stream()
                    .filter(index -> index.getUnique() && index.getWhere() == null)
                    .map(UniqueKeys::columns))
            .anyMatch(columns::equals);
    if (!unique) {
      throw new IllegalStateException(
          target.typeName()
              + " is referenced by "
              + columns
              + ", which is no unique key of its table: the join could find several rows");
    }
  }

  /** The condition that the target's {@code key} columns hold this row's {@code columns}. */
  static Condition join(List<? extends Field<?>> key, List<? extends Field<?>> columns) {
    if (key.size() != columns.size()) {
      throw new IllegalArgumentException(key + " and " + columns + " differ in length");
    }
    Condition join = DSL.noCondition();
    for (int i = 0; i < key.size(); i++) {
      @SuppressWarnings("unchecked")
      Field<Object> target = (Field<Object>) key.get(i);
      @SuppressWarnings("unchecked")
      Field<Object> column = (Field<Object>) columns.get(i);
      join = join.and(target.eq(column));
    }
    return join;
  }

  private static Set<String> columns(UniqueKey<?> key) {
    return names(key.getFields().stream());
  }

  private static Set<String> columns(Index index) {
    return names(index.getFields().stream().map(SortField::$field));
  }

  private static Set<String> names(Stream<? extends Field<?>> fields) {
    Set<String> names = new HashSet<>();
    fields.forEach(field -> names.add(field.getName()));
    return names;
  }
}
