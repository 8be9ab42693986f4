package org.redgovernance.api.readmodel;

import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.OrderField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The fixed objects around a compiled answer — a connection, its edges, its page info — as
 * PostgreSQL writes them: for each field, the SQL of its value. {@link #render} turns a selection
 * (aliases, fragments, skip and include already applied by graphql-java) into one JSON object in
 * selection order ({@link JsonText}). Declared types are {@link ObjectModel}s.
 */
public final class JsonShape {

  /** How one field is written; empty when this selection of it cannot be. */
  @FunctionalInterface
  public interface FieldSql {
    Optional<Field<?>> render(SelectedField selected);
  }

  private final Map<String, FieldSql> fields;

  private JsonShape(Map<String, FieldSql> fields) {
    this.fields = Map.copyOf(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The object with these fields selected, or empty when one of them cannot be rendered. */
  public Optional<Field<JSON>> render(List<SelectedField> selection) {
    List<String> keys = new ArrayList<>(selection.size());
    List<Field<JSON>> values = new ArrayList<>(selection.size());
    for (SelectedField selected : selection) {
      Optional<Field<?>> value = value(selected);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      keys.add(selected.getResultKey());
      values.add(JsonText.orNull(JsonText.of(value.get())));
    }
    return Optional.of(JsonText.object(keys, values));
  }

  private Optional<Field<?>> value(SelectedField selected) {
    if (selected.getName().equals("__typename")) {
      List<String> types = selected.getObjectTypeNames();
      return types.size() == 1 ? Optional.of(DSL.inline(types.get(0))) : Optional.empty();
    }
    FieldSql sql = fields.get(selected.getName());
    return sql == null ? Optional.empty() : sql.render(selected);
  }

  /**
   * The JSON array of {@code element} over the rows of its query, in {@code order}; [] for none.
   */
  public static Field<JSON> array(Field<JSON> element, OrderField<?>... order) {
    return JsonText.array(
        DSL.field("string_agg({0}, ',' ORDER BY {1})", SQLDataType.JSON, element, DSL.list(order)));
  }

  public static final class Builder {

    private final Map<String, FieldSql> fields = new LinkedHashMap<>();

    private Builder() {}

    /** A scalar field: the SQL as PostgreSQL writes it to JSON. */
    public Builder value(String name, Field<?> sql) {
      return field(
          name,
          selected ->
              selected.getArguments().isEmpty()
                      && selected.getSelectionSet().getImmediateFields().isEmpty()
                  ? Optional.of(sql)
                  : Optional.empty());
    }

    /**
     * An object field: {@code shape} written for the field's sub-selection, then {@code wrap}ped
     * (the edges of a page aggregate it into an array).
     */
    public Builder nested(
        String name, JsonShape shape, Function<Field<JSON>, ? extends Field<?>> wrap) {
      return field(
          name,
          selected ->
              selected.getArguments().isEmpty()
                  ? shape.render(selected.getSelectionSet().getImmediateFields()).map(wrap)
                  : Optional.empty());
    }

    public Builder field(String name, FieldSql sql) {
      fields.put(name, sql);
      return this;
    }

    public JsonShape build() {
      return new JsonShape(fields);
    }
  }
}
