package org.redgovernance.api.graphql;

import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Name;
import org.jooq.OrderField;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A Relay connection ({@link Page}) rendered by PostgreSQL in one statement: the feature's keyset
 * query of {@code size + 1} rows becomes a derived table whose rows carry their edge objects, and
 * an aggregate over it writes {@code edges} and {@code pageInfo} as the selection asks — the same
 * answer {@link Page#of} gives, cursors included.
 */
public final class JsonConnection {

  private static final Name PAGE = DSL.name("page");
  private static final Field<String> CURSOR = DSL.field(DSL.name("page", "cursor"), String.class);
  private static final Field<Long> POSITION = DSL.field(DSL.name("page", "position"), Long.class);

  private JsonConnection() {}

  /**
   * The statement answering {@code connection} (the connection field's immediate selection), or
   * empty when something selected cannot be rendered.
   *
   * @param cursorKey the cursor's key, as {@link Page#of} is given it
   * @param order the keyset order, the same the rows are fetched in
   * @param rows the feature's query over the given columns, in {@code order}, limited to {@code
   *     size + 1} rows
   * @param after whether the client asked for a page after a cursor
   */
  public static Optional<Select<org.jooq.Record1<JSON>>> select(
      List<SelectedField> connection,
      JsonShape node,
      Field<String> cursorKey,
      List<? extends OrderField<?>> order,
      int size,
      boolean after,
      Function<List<SelectField<?>>, Select<?>> rows) {
    Field<String> cursor = JsonSql.base64Url(cursorKey);
    List<SelectField<?>> columns = new ArrayList<>();
    columns.add(cursor.as("cursor"));
    columns.add(DSL.rowNumber().over(DSL.orderBy(order)).as("position"));
    List<Field<?>> answer = new ArrayList<>();
    for (SelectedField selected : connection) {
      Optional<Field<?>> value =
          switch (selected.getName()) {
            case "__typename" -> Optional.of(DSL.inline(selected.getObjectTypeNames().get(0)));
            case "edges" -> edges(selected, node, cursor, size, columns);
            case "pageInfo" -> pageInfo(selected, size, after);
            default -> Optional.empty();
          };
      if (value.isEmpty() || !selected.getArguments().isEmpty()) {
        return Optional.empty();
      }
      answer.add(DSL.inline(selected.getResultKey()));
      answer.add(value.get());
    }
    Table<?> page = rows.apply(columns).asTable(PAGE);
    // HAVING makes it one aggregate row even when nothing selected aggregates the page.
    return Optional.of(
        DSL.select(JsonShape.object(answer)).from(page).having(DSL.condition("true")));
  }

  /** One edge object per row, as a column of the page; aggregated here in keyset order. */
  private static Optional<Field<?>> edges(
      SelectedField edges,
      JsonShape node,
      Field<String> cursor,
      int size,
      List<SelectField<?>> columns) {
    List<Field<?>> edge = new ArrayList<>();
    for (SelectedField selected : edges.getSelectionSet().getImmediateFields()) {
      Optional<Field<?>> value =
          switch (selected.getName()) {
            case "__typename" -> Optional.of(DSL.inline(selected.getObjectTypeNames().get(0)));
            case "cursor" -> Optional.of(cursor);
            case "node" ->
                selected.getArguments().isEmpty()
                    ? node.render(selected.getSelectionSet().getImmediateFields()).map(f -> f)
                    : Optional.empty();
            default -> Optional.empty();
          };
      if (value.isEmpty()) {
        return Optional.empty();
      }
      edge.add(DSL.inline(selected.getResultKey()));
      edge.add(value.get());
    }
    String column = "edge" + columns.size();
    columns.add(JsonShape.object(edge).as(column));
    Field<JSON> rowEdge = DSL.field(DSL.name("page", column), SQLDataType.JSON);
    return Optional.of(
        DSL.coalesce(
            DSL.field(
                "json_agg({0} ORDER BY {1}) FILTER (WHERE {1} <= {2})",
                SQLDataType.JSON, rowEdge, POSITION, DSL.inline(size)),
            JsonShape.EMPTY_ARRAY));
  }

  private static Optional<Field<?>> pageInfo(SelectedField pageInfo, int size, boolean after) {
    List<Field<?>> info = new ArrayList<>();
    for (SelectedField selected : pageInfo.getSelectionSet().getImmediateFields()) {
      Field<?> value =
          switch (selected.getName()) {
            case "__typename" -> DSL.inline(selected.getObjectTypeNames().get(0));
            case "hasNextPage" -> DSL.field("count(*) > {0}", Boolean.class, DSL.inline(size));
            case "hasPreviousPage" -> DSL.inline(after);
            case "startCursor" ->
                DSL.field(
                    "min({0}) FILTER (WHERE {1} = 1 AND {1} <= {2})",
                    String.class, CURSOR, POSITION, DSL.inline(size));
            case "endCursor" ->
                DSL.field(
                    "(array_agg({0} ORDER BY {1} DESC) FILTER (WHERE {1} <= {2}))[1]",
                    String.class, CURSOR, POSITION, DSL.inline(size));
            default -> null;
          };
      if (value == null) {
        return Optional.empty();
      }
      info.add(DSL.inline(selected.getResultKey()));
      info.add(value);
    }
    return Optional.of(JsonShape.object(info));
  }
}
