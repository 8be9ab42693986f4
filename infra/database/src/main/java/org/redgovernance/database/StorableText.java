package org.redgovernance.database;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which text the platform accepts from a client at all, whatever the field: what PostgreSQL's
 * {@code text} can store (no NUL), what is well-formed Unicode (no unpaired surrogate, which the
 * UTF-8 encoder would silently replace), and no control character except tab and line breaks —
 * invisible characters in names and titles serve only to spoof or to break other programs. Both
 * services check every string of every request against it before anything runs; each field still
 * has its own, smaller length.
 */
public final class StorableText {

  private StorableText() {}

  /** A text that cannot be taken, and where it is ({@code input.title}, {@code ids[2]}). */
  public record Problem(String path, String problem) {

    /** "The value of input.title holds a NUL character (U+0000)". */
    public String message() {
      return (path.isEmpty() ? "A text value" : "The value of " + path) + " " + problem;
    }
  }

  /**
   * The first text in a request's value — a string, or the strings and keys of its maps and lists,
   * as JSON and GraphQL arguments are read — that cannot be taken; {@code path} names the value.
   */
  public static Optional<Problem> find(Object value, String path, int maxLength) {
    if (value instanceof String text) {
      return problem(text, maxLength).map(problem -> new Problem(path, problem));
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        String inner = path.isEmpty() ? key : path + "." + key;
        Optional<Problem> found =
            find(key, path, maxLength).or(() -> find(entry.getValue(), inner, maxLength));
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Optional<Problem> found = find(list.get(i), path + "[" + i + "]", maxLength);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** What is wrong with {@code text}, worded to follow "The value of x", or empty when nothing. */
  public static Optional<String> problem(String text, int maxLength) {
    if (text.length() > maxLength) {
      return Optional.of("is longer than " + maxLength + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return Optional.of("holds a NUL character (U+0000)");
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return Optional.of("holds an unpaired surrogate (invalid Unicode)");
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of("holds an unpaired surrogate (invalid Unicode)");
      }
      if (isControl(c)) {
        return Optional.of(
            "holds the control character U+%04X; only tab and line breaks are allowed"
                .formatted((int) c));
      }
    }
    return Optional.empty();
  }

  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
  }
}
