package org.redgovernance.api.readmodel;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Context;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Param;
import org.jooq.impl.CustomField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * JSON written by PostgreSQL as plain text: literal pieces and values joined with {@code ||}.
 * PostgreSQL's own {@code json_build_object} looks up how to write each key and each value on every
 * row; for a page of households that was half the statement. Keys here are literals written once,
 * strings go through {@code to_json} (PostgreSQL's JSON escaping), and the fields the client did
 * not ask for cost nothing. Every {@code Field<JSON>} of a rendered answer is such text (SQL type
 * {@code text}, never {@code json}), so that pieces of it can be joined and aggregated as text.
 *
 * <p>User data reaches the text only through {@link #of}: that is what keeps the control characters
 * of {@link Base64Slots} out of it.
 */
public final class JsonText extends CustomField<JSON> {

  /** An absent value. */
  public static final Field<JSON> NULL = literal("null");

  /** An empty list. */
  public static final Field<JSON> EMPTY_ARRAY = literal("[]");

  /** Each piece is a String (JSON text written as an SQL literal) or a Field (SQL text). */
  private final List<Object> pieces;

  private final boolean neverNull;

  /** The SQL of each literal piece, written on first use (the same text from any thread). */
  private volatile String @Nullable [] literals;

  private JsonText(List<Object> pieces, boolean neverNull) {
    super("json_text", SQLDataType.JSON);
    this.pieces = pieces;
    this.neverNull = neverNull;
  }

  /** JSON text written as it is, e.g. {@code "1.0"}. */
  public static Field<JSON> literal(String json) {
    return new JsonText(List.of(json), true);
  }

  /**
   * A value as JSON: {@code to_json} of the column or expression (text escaped, dates ISO, arrays
   * as arrays); JSON text as it is; a constant written here. SQL NULL stays NULL ({@link #orNull}
   * turns it into JSON's null).
   */
  public static Field<JSON> of(Field<?> value) {
    if (value.getType() == JSON.class) {
      @SuppressWarnings("unchecked")
      Field<JSON> json = (Field<JSON>) value;
      return json;
    }
    if (value instanceof Param<?> constant && constant.isInline() && writtenHere(constant)) {
      return constant.getValue() == null ? NULL : literal(constantJson(constant.getValue()));
    }
    return CustomField.of("to_json", SQLDataType.JSON, context -> toJson(context, value));
  }

  private static void toJson(Context<?> context, Field<?> value) {
    context.sql("to_json(").visit(value);
    if (value instanceof Param<?>) {
      // a bound value (or a literal) has no type of its own for to_json to go by
      context.sql("::").sql(value.getDataType().getCastTypeName(context.configuration()));
    }
    context.sql(")::text");
  }

  /** Constants Java writes as the GraphQL answer would; others are left to {@code to_json}. */
  private static boolean writtenHere(Param<?> constant) {
    Object value = constant.getValue();
    return value == null || value instanceof String || isWhole(value) || value instanceof Boolean;
  }

  private static boolean isWhole(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Short;
  }

  private static String constantJson(Object value) {
    if (value instanceof Boolean || isWhole(value)) {
      return value.toString();
    }
    StringBuilder json = new StringBuilder().append('"');
    JsonStringEncoder.getInstance().quoteAsString(value.toString(), json);
    return json.append('"').toString();
  }

  /** The value, or JSON's null where SQL has none: a value inside an object or a list. */
  static Field<JSON> orNull(Field<JSON> json) {
    if (json instanceof JsonText text && text.neverNull) {
      return json;
    }
    return new JsonText(List.of(DSL.coalesce(json, NULL)), true);
  }

  /** JSON text known to be there: an object this class wrote, kept as text ({@link Renderings}). */
  static Field<JSON> present(Field<JSON> json) {
    return new JsonText(List.of(json), true);
  }

  /** The list, or [] where SQL has none: an aggregate over no rows. */
  private static Field<JSON> orEmpty(Field<JSON> json) {
    return new JsonText(List.of(DSL.coalesce(json, EMPTY_ARRAY)), true);
  }

  /** A JSON array of the elements {@code joined} with commas ({@code string_agg}); [] for none. */
  static Field<JSON> array(Field<JSON> joined) {
    return orEmpty(concat("[", joined, "]"));
  }

  /** The pieces one after the other; NULL if one of them is. */
  static Field<JSON> concat(Object... pieces) {
    List<Object> joined = new ArrayList<>();
    boolean neverNull = true;
    for (Object piece : pieces) {
      if (piece instanceof JsonText text) {
        text.pieces.forEach(inner -> append(joined, inner));
        neverNull &= text.neverNull;
      } else if (piece instanceof Field<?> field) {
        append(joined, field);
        neverNull = false;
      } else {
        append(joined, (String) piece);
      }
    }
    return new JsonText(List.copyOf(joined), neverNull);
  }

  /** The object of these keys and values (each already {@link #orNull}), in order. */
  static Field<JSON> object(List<String> keys, List<Field<JSON>> values) {
    List<Object> pieces = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      pieces.add((i == 0 ? "{" : ",") + constantJson(keys.get(i)) + ":");
      pieces.add(values.get(i));
    }
    pieces.add(keys.isEmpty() ? "{}" : "}");
    return concatNeverNull(pieces);
  }

  private static Field<JSON> concatNeverNull(List<Object> pieces) {
    JsonText text = (JsonText) concat(pieces.toArray());
    return new JsonText(text.pieces, true);
  }

  /** Adjacent literals become one. */
  private static void append(List<Object> pieces, Object piece) {
    int last = pieces.size() - 1;
    if (piece instanceof String literal && last >= 0 && pieces.get(last) instanceof String before) {
      pieces.set(last, before + literal);
    } else {
      pieces.add(piece);
    }
  }

  @Override
  public void accept(Context<?> context) {
    String[] sql = literals;
    if (sql == null) {
      sql = new String[pieces.size()];
      for (int i = 0; i < sql.length; i++) {
        if (pieces.get(i) instanceof String literal) {
          sql[i] = sqlLiteral(literal);
        }
      }
      literals = sql;
    }
    if (pieces.size() > 1) {
      context.sql('(');
    }
    for (int i = 0; i < pieces.size(); i++) {
      if (i > 0) {
        context.sql(" || ");
      }
      if (sql[i] != null) {
        context.sql(sql[i], true);
      } else {
        context.visit((Field<?>) pieces.get(i));
      }
    }
    if (pieces.size() > 1) {
      context.sql(')');
    }
  }

  /**
   * The text as a PostgreSQL string literal of type text. Control characters (the slots of {@link
   * Base64Slots}) are written as escapes, so that statements and logs stay printable.
   */
  static String sqlLiteral(String text) {
    boolean control = false;
    for (int i = 0; i < text.length() && !control; i++) {
      control = text.charAt(i) < 0x20;
    }
    StringBuilder sql = new StringBuilder(text.length() + 16);
    sql.append(control ? "E'" : "'");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        sql.append("''");
      } else if (control && c == '\\') {
        sql.append("\\\\");
      } else if (c < 0x20) {
        sql.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      } else {
        sql.append(c);
      }
    }
    return sql.append("'::text").toString();
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();
}
