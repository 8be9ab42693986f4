package org.redgovernance.deploy;

import java.util.List;
import java.util.Map;

/** Reading nested YAML (maps and lists) without a cast at every step. */
final class Nodes {

  private Nodes() {}

  /** The value at this path of keys, or null where the path ends early. */
  static Object at(Object node, String... keys) {
    Object current = node;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, String... keys) {
    Object value = at(node, keys);
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node, String... keys) {
    Object value = at(node, keys);
    return value instanceof List<?> list ? (List<Object>) list : List.of();
  }

  static String string(Object node, String... keys) {
    Object value = at(node, keys);
    return value == null ? null : value.toString();
  }
}
