package org.redgovernance.api.graphql;

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
