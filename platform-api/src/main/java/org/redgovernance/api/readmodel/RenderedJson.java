package org.redgovernance.api.readmodel;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.exception.DataAccessException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * A field's whole answer, already JSON: PostgreSQL built it for the field's selection (see {@link
 * JsonShape}). GraphQL execution takes it as the field's value without visiting the fields below
 * ({@link org.redgovernance.api.readmodel.RenderedJsonStrategy}), and the response writer copies it
 * into the response unparsed.
 *
 * <p>It is kept as the UTF-8 bytes the database sent: a page of households is some 40 KB, and
 * decoding it into a Java string only to encode it again cost more CPU than the rest of the
 * request's GraphQL execution.
 */
public final class RenderedJson implements JacksonSerializable {

  private final byte[] utf8;
  private final List<RefusalMarks.Found> marks;
  private @Nullable Object tree;

  private RenderedJson(byte[] utf8, List<RefusalMarks.Found> marks) {
    this.utf8 = utf8;
    this.marks = marks;
  }

  /**
   * The answer taken apart on the way to the fields resolved in Java below it ({@link Deferrals}),
   * which GraphQL execution goes on with; null when it holds none and goes as it is.
   */
  @Nullable Object tree() {
    return tree;
  }

  /** Takes the answer apart on the way to its deferred fields. */
  void defer(
      List<Deferrals.Deferral> deferrals,
      java.util.function.Function<Deferrals.Found, CompiledObject.JavaField> leaf) {
    tree = Deferrals.split(utf8, deferrals, leaf);
  }

  /** The answer of a statement that writes one JSON value (e.g. {@link JsonConnection#select}). */
  public static RenderedJson fetch(DSLContext dsl, Select<Record1<JSON>> statement) {
    return fetchOptional(dsl, statement)
        .orElseThrow(
            () -> new DataAccessException("a rendered answer's statement returned no row"));
  }

  /** The answer of a statement that writes one JSON value or none (one object by its key). */
  public static Optional<RenderedJson> fetchOptional(
      DSLContext dsl, Select<Record1<JSON>> statement) {
    return fetchWritten(dsl, statement).map(RenderedJson::of);
  }

  /** The answer as PostgreSQL wrote it, slots and all. */
  static Optional<byte[]> fetchWritten(DSLContext dsl, Select<Record1<JSON>> statement) {
    // The driver hands a text column over as its UTF-8 bytes, as they came.
    try (Cursor<Record1<JSON>> rows = dsl.fetchLazy(statement)) {
      ResultSet row = rows.resultSet();
      return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
    } catch (SQLException e) {
      throw new DataAccessException("reading a rendered answer", e);
    }
  }

  /** An answer as PostgreSQL wrote it, its base64 slots encoded (secrets revealed before). */
  static RenderedJson of(byte[] written) {
    return new RenderedJson(Base64Slots.encode(written), List.of());
  }

  /**
   * An answer as PostgreSQL wrote it, with the refusals marked in it ({@link RefusalMarks})
   * replaced by null and remembered with their paths.
   */
  static RenderedJson unmarked(byte[] written) {
    RefusalMarks.Unmarked unmarked = RefusalMarks.unmark(written);
    return new RenderedJson(Base64Slots.encode(unmarked.answer()), unmarked.found());
  }

  /** A piece of an answer taken apart ({@link Deferrals}), as it goes to the client. */
  static RenderedJson piece(byte[] utf8) {
    return new RenderedJson(utf8, List.of());
  }

  /** The refusals that were marked in the answer, where they were. */
  List<RefusalMarks.Found> marks() {
    return marks;
  }

  /** How many bytes the answer adds to a response. */
  public int byteLength() {
    return utf8.length;
  }

  /** The answer as JSON text. */
  @Override
  public String toString() {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  @Override
  public void serialize(JsonGenerator generator, SerializationContext context) {
    generator.writeRawValue(new Utf8JsonValue(utf8));
  }

  @Override
  public void serializeWithType(
      JsonGenerator generator, SerializationContext context, TypeSerializer typeSerializer) {
    serialize(generator, context);
  }
}
