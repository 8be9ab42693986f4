package org.redgovernance.api.readmodel;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.redgovernance.api.graphql.TimeCursor;

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
  public static <T extends Table<?>> Keyset<T> byId(Function<T, Field<UUID>> id) {
    return new Keyset<>(
        row -> List.of(id.apply(row).asc()),
        row -> id.apply(row).cast(String.class),
        (row, key) -> id.apply(row).gt(Cursors.uuid(key)));
  }

  /**
   * Rows newest first by {@code at}, then by id (a board, an inbox); the cursor's key is both
   * ({@link TimeCursor}).
   */
  public static <T extends Table<?>> Keyset<T> newestFirst(
      Function<T, Field<OffsetDateTime>> at, Function<T, Field<UUID>> id) {
    return byTime(at, id, true);
  }

  /** Rows oldest first by {@code at}, then by id (a conversation, a calendar). */
  public static <T extends Table<?>> Keyset<T> oldestFirst(
      Function<T, Field<OffsetDateTime>> at, Function<T, Field<UUID>> id) {
    return byTime(at, id, false);
  }

  private static <T extends Table<?>> Keyset<T> byTime(
      Function<T, Field<OffsetDateTime>> at, Function<T, Field<UUID>> id, boolean newestFirst) {
    return new Keyset<>(
        row ->
            newestFirst
                ? List.of(at.apply(row).desc(), id.apply(row).desc())
                : List.of(at.apply(row).asc(), id.apply(row).asc()),
        row -> JsonSql.timeCursorKey(at.apply(row), id.apply(row)),
        (row, key) -> {
          TimeCursor after = TimeCursor.ofKey(key);
          var position = DSL.row(at.apply(row), id.apply(row));
          return newestFirst
              ? position.lt(after.at(), after.id())
              : position.gt(after.at(), after.id());
        });
  }
}
