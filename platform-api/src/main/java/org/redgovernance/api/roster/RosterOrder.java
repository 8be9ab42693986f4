package org.redgovernance.api.roster;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.RowN;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.readmodel.Keyset;

/**
 * An ordering of a roster connection ({@code orderBy: {field, direction}}) and the keyset cursor
 * that goes with it: the row's values in the ordering's columns followed by its id, so that a page
 * continues exactly after the last row of the one before, whatever was inserted meanwhile.
 */
record RosterOrder(String field, boolean descending) {

  static final RosterOrder CREATED = new RosterOrder("CREATED", false);

  /** Between the values of a cursor's key: a character no value holds. */
  static final String SEPARATOR = "\u001f";

  /** The connection's {@code orderBy} argument (its default applied by the schema). */
  @SuppressWarnings("unchecked")
  static RosterOrder of(Map<String, Object> arguments) {
    Map<String, Object> input = (Map<String, Object>) arguments.get("orderBy");
    if (input == null || input.get("field") == null) {
      return CREATED;
    }
    return new RosterOrder((String) input.get("field"), "DESC".equals(input.get("direction")));
  }

  /** One value of the ordering: its column, and how a cursor's text of it is read back. */
  record Part<T extends Table<?>>(Function<T, Field<?>> column, Function<String, Object> parse) {

    static <T extends Table<?>> Part<T> text(Function<T, Field<?>> column) {
      return new Part<>(column, text -> text);
    }

    static <T extends Table<?>> Part<T> whole(Function<T, Field<?>> column) {
      return new Part<>(column, RosterOrder::wholeNumber);
    }

    static <T extends Table<?>> Part<T> date(Function<T, Field<?>> column) {
      return new Part<>(column, RosterOrder::date);
    }
  }

  /** The keyset of this ordering: the {@code parts}' values, then the row's id. */
  <T extends Table<?>> Keyset<T> keyset(Function<T, Field<UUID>> id, List<Part<T>> parts) {
    return new Keyset<>(
        row -> {
          List<SortField<?>> sort = new ArrayList<>();
          parts.forEach(part -> sort.add(direct(part.column().apply(row))));
          sort.add(direct(id.apply(row)));
          return sort;
        },
        row -> {
          Field<String> key = DSL.inline("");
          for (Part<T> part : parts) {
            key = key.concat(part.column().apply(row).cast(String.class), DSL.inline(SEPARATOR));
          }
          return parts.isEmpty() ? id.apply(row).cast(String.class) : key.concat(id.apply(row));
        },
        (row, key) -> after(row, id, parts, key));
  }

  private <T extends Table<?>> Condition after(
      T row, Function<T, Field<UUID>> id, List<Part<T>> parts, String key) {
    String[] values = key.split(SEPARATOR, -1);
    if (values.length != parts.size() + 1) {
      throw notACursor();
    }
    List<Field<?>> columns = new ArrayList<>();
    List<Field<?>> cursor = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Field<?> column = parts.get(i).column().apply(row);
      columns.add(column);
      cursor.add(DSL.val(parts.get(i).parse().apply(values[i]), column));
    }
    columns.add(id.apply(row));
    cursor.add(DSL.val(uuid(values[parts.size()])));
    RowN at = DSL.row(cursor);
    return descending ? DSL.row(columns).lt(at) : DSL.row(columns).gt(at);
  }

  private SortField<?> direct(Field<?> column) {
    return descending ? column.desc() : column.asc();
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw notACursor();
    }
  }

  private static Object wholeNumber(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw notACursor();
    }
  }

  private static Object date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw notACursor();
    }
  }

  private static ApiException notACursor() {
    return ApiException.badInput("after is not a cursor of this connection and ordering");
  }
}
