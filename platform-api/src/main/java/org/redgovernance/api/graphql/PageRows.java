package org.redgovernance.api.graphql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.RecordMapper;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * The rows a feature read for one page and, when the client selected {@code totalCount}, how many
 * rows the page's filter matches — the cursor left out, so the count is the same on every page.
 *
 * <p>Both come from one statement: the page becomes a derived table left-joined to the one-row
 * count, so a page that comes back empty (after the last cursor) still brings its count. {@code ON
 * true} leaves PostgreSQL only a nested loop over that one row, which returns the page's rows in
 * the page's own order.
 */
public record PageRows<T>(List<T> rows, @Nullable Integer totalCount) {

  /**
   * Reads {@code page} (filter and cursor, ordered and limited) and, unless {@code count} is null,
   * the number of rows its filter matches; each row is read by {@code mapper} as a record of the
   * page's own columns.
   */
  public static <T> PageRows<T> fetch(
      DSLContext dsl,
      Select<?> page,
      @Nullable Select<? extends Record1<Integer>> count,
      RecordMapper<Record, T> mapper) {
    if (count == null) {
      return new PageRows<>(dsl.fetch(page).map(mapper), null);
    }
    // Columns renamed by position: a page may select two columns of the same name (two ids).
    Field<?>[] columns = page.getSelect().toArray(Field<?>[]::new);
    String[] aliases =
        IntStream.range(0, columns.length).mapToObj(i -> "c" + i).toArray(String[]::new);
    Table<?> rows = page.asTable("page", aliases);
    Field<Integer> total = DSL.field(DSL.name("total", "n"), Integer.class);
    List<T> read = new ArrayList<>();
    Integer counted = null;
    for (Record joined :
        dsl.select(total)
            .select(rows.fields())
            .from(count.asTable("total", "n"))
            .leftJoin(rows)
            .on(DSL.trueCondition())
            .fetch()) {
      counted = joined.get(total);
      Object[] values = Arrays.copyOfRange(joined.intoArray(), 1, columns.length + 1);
      if (Arrays.stream(values).allMatch(Objects::isNull)) {
        continue; // the count's row alone: the page is empty
      }
      Record row = dsl.newRecord(columns);
      row.fromArray(values);
      read.add(mapper.map(row));
    }
    return new PageRows<>(read, counted);
  }
}
