package org.redgovernance.api.readmodel;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.Table;

/**
 * How a connection of rows of {@code T} pages: its order, the key each row's cursor encodes, and
 * the rows after a cursor's key (a cursor this API did not issue is the client's error, thrown by
 * {@code after}).
 */
public record Keyset<T extends Table<?>>(
    Function<T, List<SortField<?>>> order,
    Function<T, Field<String>> cursorKey,
    BiFunction<T, String, Condition> after) {

  /** Rows in id order, the id as the cursor's key: for lists without a meaningful order. */
  public static <T extends Table<?>> Keyset<T> byId(Function<T, Field<java.util.UUID>> id) {
    return new Keyset<>(
        row -> List.of(id.apply(row).asc()),
        row -> id.apply(row).cast(String.class),
        (row, key) -> id.apply(row).gt(Cursors.uuid(key)));
  }
}
