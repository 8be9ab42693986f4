package org.redgovernance.api.readmodel;

import java.util.Map;

/** A field's arguments as the read model hands them to a declaration's filters and orderings. */
public final class Arguments {

  private Arguments() {}

  /**
   * The input object {@code name} (a connection's {@code filter}) as a map of its fields; empty
   * when left out, so that every field of it reads as left out.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> input(Map<String, Object> arguments, String name) {
    return arguments.get(name) instanceof Map<?, ?> input ? (Map<String, Object>) input : Map.of();
  }
}
