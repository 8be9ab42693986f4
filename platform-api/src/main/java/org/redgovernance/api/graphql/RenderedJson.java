package org.redgovernance.api.graphql;

import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record1;
import org.jooq.Select;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * A field's whole answer, already JSON: PostgreSQL built it for the field's selection (see {@link
 * JsonShape}). GraphQL execution takes it as the field's value without visiting the fields below
 * ({@link RenderedJsonStrategy}), and the response writer copies it into the response unparsed.
 */
public record RenderedJson(String json) implements JacksonSerializable {

  /** The answer of a statement that writes one JSON value (e.g. {@link JsonConnection#select}). */
  public static RenderedJson fetch(DSLContext dsl, Select<Record1<JSON>> statement) {
    return new RenderedJson(dsl.fetchValue(statement).data());
  }

  @Override
  public void serialize(JsonGenerator generator, SerializationContext context) {
    generator.writeRawValue(json);
  }

  @Override
  public void serializeWithType(
      JsonGenerator generator, SerializationContext context, TypeSerializer typeSerializer) {
    serialize(generator, context);
  }
}
