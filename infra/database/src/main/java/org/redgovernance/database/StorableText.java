package org.redgovernance.database;

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
