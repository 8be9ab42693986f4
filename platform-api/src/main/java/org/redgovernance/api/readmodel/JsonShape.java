package org.redgovernance.api.readmodel;

import graphql.schema.SelectedField;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.OrderField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * A GraphQL object type as PostgreSQL can write it: for each field it knows, the SQL of its value.
 * {@link #render} turns a selection (aliases, fragments, skip and include already applied by
 * graphql-java) into one JSON object in selection order ({@link JsonText}), so that a nested read
 * is one statement whose answer goes to the client unparsed. A selection with a field the shape
 * does not know, or with arguments, renders to nothing: the caller then resolves it field by field
 * as before.
 */
public final class JsonShape {

  /** How one field is written; empty when this selection of it cannot be. */
  @FunctionalInterface
  public interface FieldSql {
    Optional<Field<?>> render(SelectedField selected);
  }

  private final Map<String, FieldSql> fields;
  private final @Nullable String typeName;
  private final @Nullable Renderings renderings;

  private JsonShape(
      Map<String, FieldSql> fields, @Nullable String typeName, @Nullable Renderings renderings) {
    this.fields = Map.copyOf(fields);
    this.typeName = typeName;
    this.renderings = renderings;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** This shape as the SQL of an object field: the object written for the field's selection. */
  public FieldSql asObjectField() {
    return selected -> render(selected.getSelectionSet().getImmediateFields()).map(json -> json);
  }

  /** The object with these fields selected, or empty when one of them cannot be rendered. */
  public Optional<Field<JSON>> render(List<SelectedField> selection) {
    Optional<String> key = renderings == null ? Optional.empty() : Renderings.key(selection);
    if (key.isEmpty()) {
      return renderFields(selection);
    }
    Optional<Field<JSON>> remembered = renderings.get(key.get());
    if (remembered.isPresent()) {
      return remembered;
    }
    Optional<Field<JSON>> rendered = renderFields(selection);
    rendered.ifPresent(sql -> renderings.remember(key.get(), sql));
    return rendered;
  }

  private Optional<Field<JSON>> renderFields(List<SelectedField> selection) {
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
      // the object type the field was selected on is the type this shape writes; selected on an
      // interface, it names every implementation, and only a shape that knows its type can answer
      List<String> types = selected.getObjectTypeNames();
      String type = typeName != null ? typeName : types.size() == 1 ? types.get(0) : null;
      return type == null ? Optional.empty() : Optional.of(DSL.inline(type));
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

  private static boolean plain(SelectedField selected) {
    return selected.getArguments().isEmpty()
        && selected.getSelectionSet().getImmediateFields().isEmpty();
  }

  public static final class Builder {

    private final Map<String, FieldSql> fields = new LinkedHashMap<>();
    private @Nullable String typeName;
    private @Nullable Renderings renderings;

    private Builder() {}

    /**
     * The object type this shape writes, for {@code __typename} selected on an interface (as in
     * {@code node(id:)}); without it the field's own object type is used.
     */
    public Builder typeName(String typeName) {
      this.typeName = typeName;
      return this;
    }

    /**
     * Keep the SQL this shape renders for a selection in {@code renderings}, so that the next
     * request with the same selection does not build and render it again. Only SQL without bind
     * values is kept: a shape whose fields take request values (the caller, today) must bind them,
     * never inline them, and the selections that include such fields are rendered every time.
     */
    public Builder remembered(Renderings renderings) {
      this.renderings = renderings;
      return this;
    }

    /**
     * A String, ID, Int, Boolean or enum field: the column as PostgreSQL writes it to JSON (enums
     * are stored by their GraphQL names).
     */
    public Builder value(String name, Field<?> sql) {
      return field(name, selected -> plain(selected) ? Optional.of(sql) : Optional.empty());
    }

    /** A {@code DateTime} field, written like the Java scalar. */
    public Builder dateTime(String name, Field<OffsetDateTime> sql) {
      // the text needs no escaping: digits, dashes, colons, a point, T and Z
      return value(name, JsonText.concat("\"", JsonSql.dateTime(sql), "\""));
    }

    /** A {@code Date} field: PostgreSQL writes dates in ISO form, as the Java scalar does. */
    public Builder date(String name, Field<LocalDate> sql) {
      return value(name, sql);
    }

    /** A to-one object field that is always there. */
    public Builder object(String name, JsonShape shape) {
      return nested(name, shape, json -> json);
    }

    /** A to-one object field: null unless {@code present}. */
    public Builder object(String name, Condition present, JsonShape shape) {
      return nested(name, shape, json -> DSL.when(present, json));
    }

    /**
     * A list of objects: {@code rows} turns the element's JSON into the subquery that aggregates it
     * (see {@link JsonShape#array}).
     */
    public Builder list(String name, JsonShape element, Function<Field<JSON>, Field<JSON>> rows) {
      return nested(name, element, rows);
    }

    /** A field whose value is {@code shape} written for its sub-selection, then wrapped. */
    private Builder nested(
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
      return new JsonShape(fields, typeName, renderings);
    }
  }
}
