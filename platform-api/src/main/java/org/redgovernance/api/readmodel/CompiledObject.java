package org.redgovernance.api.readmodel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An object of a compiled answer that holds a field resolved in Java: its other fields are pieces
 * of the answer PostgreSQL wrote ({@link RenderedJson}), by result key, and GraphQL execution goes
 * on below it as usual ({@link JavaFieldsBelow}). Only the objects on the way from the answer's
 * root to such a field are taken apart; everything else stays as PostgreSQL wrote it.
 */
public final class CompiledObject {

  private final Map<String, Object> fields = new LinkedHashMap<>();
  private @Nullable String typeName;

  CompiledObject(@Nullable String typeName) {
    this.typeName = typeName;
  }

  /** The GraphQL type of the object, when known: for interfaces and unions to resolve it. */
  public @Nullable String typeName() {
    return typeName;
  }

  /** Names the object's type (the root of {@code node(id:)}, whose id tells it). */
  public void typeName(String name) {
    typeName = name;
  }

  void put(String resultKey, @Nullable Object value) {
    fields.put(resultKey, value);
  }

  @Nullable Object get(String resultKey) {
    return fields.get(resultKey);
  }

  /** The value of a field resolved in Java: its resolver runs with {@code source} as its parent. */
  record JavaField(@Nullable Object source) {}
}
