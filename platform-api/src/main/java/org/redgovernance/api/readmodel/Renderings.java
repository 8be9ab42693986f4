package org.redgovernance.api.readmodel;

import graphql.schema.SelectedField;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.SQLDialect;
import org.jooq.impl.CustomField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The SQL a {@link JsonShape} rendered, by selection. Building and rendering the jOOQ tree of a
 * page's JSON was a quarter of a household page's CPU; clients ask the same few selections over and
 * over, so the text is kept and the statement around it takes it as plain SQL. At most {@code
 * capacity} selections are kept: the rest are rendered each time, so that clients inventing
 * selections cannot fill the memory.
 */
public final class Renderings {

  private static final DSLContext POSTGRES = DSL.using(SQLDialect.POSTGRES);

  private final Map<String, String> sql = new ConcurrentHashMap<>();

  /**
   * Selections whose SQL binds request values: not kept, and not looked at again — finding the bind
   * values means rendering the whole tree a second time.
   */
  private final Set<String> binding = ConcurrentHashMap.newKeySet();

  private final int capacity;

  /** Keeps up to 256 selections: a front end asks a handful per screen. */
  public Renderings() {
    this(256);
  }

  Renderings(int capacity) {
    this.capacity = capacity;
  }

  Optional<Field<JSON>> get(String key) {
    String text = sql.get(key);
    // what is kept is an object JsonShape wrote: never NULL
    return text == null ? Optional.empty() : Optional.of(JsonText.present(asWritten(text)));
  }

  /**
   * The kept text as a field that is written as it is. A plain SQL field would do the same, but
   * jOOQ reads plain SQL character by character for its placeholders each time it renders it — for
   * a meeting's few kilobytes of SQL that was half of the request's CPU. The text has no
   * placeholders: it was rendered with everything inlined.
   */
  private static Field<JSON> asWritten(String text) {
    return CustomField.of("rendered", SQLDataType.JSON, context -> context.sql(text, true));
  }

  /** Keeps the rendered field, unless it binds values (those differ between requests). */
  void remember(String key, Field<JSON> rendered) {
    if (sql.size() + binding.size() >= capacity || binding.contains(key)) {
      return;
    }
    if (POSTGRES.extractBindValues(rendered).isEmpty()) {
      sql.putIfAbsent(key, POSTGRES.render(rendered));
    } else {
      binding.add(key);
    }
  }

  /** How many selections are kept. */
  public int size() {
    return sql.size();
  }

  /**
   * Everything {@link JsonShape#render} reads of a selection: result keys, names, the object type
   * of {@code __typename}, and the same of the sub-selections; empty when a field takes arguments.
   */
  static Optional<String> key(List<SelectedField> selection) {
    StringBuilder key = new StringBuilder();
    return append(selection, key) ? Optional.of(key.toString()) : Optional.empty();
  }

  /** False when a field takes arguments: such selections are not kept. */
  private static boolean append(List<SelectedField> selection, StringBuilder key) {
    for (SelectedField field : selection) {
      if (!field.getArguments().isEmpty()) {
        return false;
      }
      key.append(field.getResultKey()).append(':').append(field.getName());
      if (field.getName().equals("__typename")) {
        key.append('@').append(String.join("|", field.getObjectTypeNames()));
      }
      List<SelectedField> below = field.getSelectionSet().getImmediateFields();
      if (!below.isEmpty()) {
        key.append('{');
        if (!append(below, key)) {
          return false;
        }
        key.append('}');
      }
      key.append(',');
    }
    return true;
  }
}
