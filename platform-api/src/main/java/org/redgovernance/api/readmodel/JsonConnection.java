package org.redgovernance.api.readmodel;

import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Name;
import org.jooq.OrderField;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A Relay connection ({@link org.redgovernance.api.graphql.Page}) rendered by PostgreSQL in one
 * statement: the feature's keyset query of {@code size + 1} rows becomes a derived table whose rows
 * carry their edge objects, and an aggregate over it writes {@code edges} and {@code pageInfo} as
 * the selection asks — the same answer {@link org.redgovernance.api.graphql.Page#of} gives, cursors
 * included. {@code totalCount} is a subquery beside the aggregate, so an empty page still has it.
 */
public final class JsonConnection {

  private static final Name PAGE = DSL.name("page");
  private static final Field<JSON> CURSOR = DSL.field(DSL.name("page", "cursor"), SQLDataType.JSON);
  private static final Field<Long> POSITION = DSL.field(DSL.name("page", "position"), Long.class);

  private JsonConnection() {}

  /**
   * The statement answering {@code connection} (the connection field's immediate selection), or
   * empty when something selected cannot be rendered.
   *
   * @param cursorKey the cursor's key, as {@link org.redgovernance.api.graphql.Page#of} is given it
   * @param order the keyset order, the same the rows are fetched in
   * @param rows the feature's query over the given columns, in {@code order}, limited to {@code
   *     size + 1} rows
   * @param after whether the client asked for a page after a cursor
   * @param count how many rows the feature's filter matches, the cursor left out: {@code
   *     totalCount}, a subquery of the same statement, run only when selected
   */
  public static Optional<Select<Record1<JSON>>> select(
      List<SelectedField> connection,
      JsonShape.FieldSql node,
      Field<String> cursorKey,
      List<? extends OrderField<?>> order,
      int size,
      boolean after,
      Select<? extends Record1<Integer>> count,
      Function<List<SelectField<?>>, Select<?>> rows) {
    Field<JSON> cursor = JsonSql.base64Url(cursorKey);
    List<SelectField<?>> columns = new ArrayList<>();
    columns.add(cursor.as("cursor"));
    columns.add(DSL.rowNumber().over(DSL.orderBy(order)).as("position"));
    JsonShape edge = JsonShape.builder().value("cursor", cursor).field("node", node).build();
    JsonShape page =
        JsonShape.builder()
            .nested("edges", edge, json -> edges(json, size, columns))
            .nested("pageInfo", pageInfo(size, after), json -> json)
            .value("totalCount", DSL.field(count))
            .build();
    // HAVING makes it one aggregate row even when nothing selected aggregates the page.
    return page.render(connection)
        .map(
            answer ->
                DSL.select(answer)
                    .from(rows.apply(columns).asTable(PAGE))
                    .having(DSL.condition("true")));
  }

  /**
   * One edge object per row, as a column of the page ({@code edge0}, {@code edge1} … for each
   * selection of {@code edges}), aggregated in keyset order.
   */
  private static Field<JSON> edges(Field<JSON> edge, int size, List<SelectField<?>> columns) {
    String column = "edge" + columns.size();
    columns.add(edge.as(column));
    return JsonText.array(
        DSL.field(
            "string_agg({0}, ',' ORDER BY {1}) FILTER (WHERE {1} <= {2})",
            SQLDataType.JSON,
            DSL.field(DSL.name("page", column), SQLDataType.JSON),
            POSITION,
            DSL.inline(size)));
  }

  /** {@code PageInfo} over the page's rows: {@code size + 1} of them tell of a next page. */
  private static JsonShape pageInfo(int size, boolean after) {
    return JsonShape.builder()
        .value("hasNextPage", DSL.field("count(*) > {0}", Boolean.class, DSL.inline(size)))
        .value("hasPreviousPage", DSL.inline(after))
        .value(
            "startCursor",
            DSL.field(
                "min({0}) FILTER (WHERE {1} = 1 AND {1} <= {2})",
                SQLDataType.JSON, CURSOR, POSITION, DSL.inline(size)))
        .value(
            "endCursor",
            DSL.field(
                "(array_agg({0} ORDER BY {1} DESC) FILTER (WHERE {1} <= {2}))[1]",
                SQLDataType.JSON, CURSOR, POSITION, DSL.inline(size)))
        .build();
  }
}
