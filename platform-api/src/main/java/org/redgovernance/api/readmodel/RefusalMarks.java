package org.redgovernance.api.readmodel;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;
import org.jooq.JSON;

/**
 * A field refused in some rows of a list only (a roster list in the communities of a street's list
 * where the caller is not staff): its path is known only once the rows are, so PostgreSQL writes a
 * mark in the field's place — {@code \x05}, the refusal's number, {@code \x06} — and Java replaces
 * each mark by {@code null} and reports the refusal at the mark's path in the answer. No other part
 * of an answer holds these control characters: user data reaches it only through {@code to_json},
 * which escapes them ({@link JsonText}).
 */
final class RefusalMarks {

  private static final byte MARK = 0x05;
  private static final byte END = 0x06;
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private RefusalMarks() {}

  /** The mark of refusal number {@code index}, as the JSON value of the refused field. */
  static Field<JSON> mark(int index) {
    return JsonText.literal("\u0005" + index + "\u0006");
  }

  /** A mark found in an answer: where it was (result keys and list indexes) and its number. */
  record Found(List<Object> path, int index) {}

  /** The answer with its marks replaced by null, and where they were, in order. */
  record Unmarked(byte[] answer, List<Found> found) {}

  static Unmarked unmark(byte[] answer) {
    int first = AnswerBytes.indexOf(answer, MARK, 0);
    if (first < 0) {
      return new Unmarked(answer, List.of());
    }
    List<Found> found = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream(answer.length);
    // the containers around the current position: a key (String) or an index (Integer) each
    List<Object> path = new ArrayList<>();
    List<Boolean> inArray = new ArrayList<>();
    boolean expectingKey = false;
    int from = 0;
    for (int i = 0; i < answer.length; i++) {
      byte b = answer[i];
      switch (b) {
        case '"' -> {
          int end = endOfString(answer, i);
          if (expectingKey) {
            // keys are GraphQL result keys: names, never escaped
            path.set(path.size() - 1, new String(answer, i + 1, end - i - 1, UTF_8));
            expectingKey = false;
          }
          i = end;
        }
        case '{' -> {
          path.add("");
          inArray.add(false);
          expectingKey = true;
        }
        case '[' -> {
          path.add(0);
          inArray.add(true);
        }
        case '}', ']' -> {
          path.remove(path.size() - 1);
          inArray.remove(inArray.size() - 1);
          expectingKey = false;
        }
        case ',' -> {
          int last = path.size() - 1;
          if (inArray.get(last)) {
            path.set(last, (Integer) path.get(last) + 1);
          } else {
            expectingKey = true;
          }
        }
        case MARK -> {
          int end = AnswerBytes.indexOf(answer, END, i + 1);
          if (end < 0) {
            throw malformed();
          }
          found.add(new Found(List.copyOf(path), number(answer, i + 1, end)));
          out.write(answer, from, i - from);
          out.writeBytes(NULL);
          from = end + 1;
          i = end;
        }
        default -> {}
      }
    }
    out.write(answer, from, answer.length - from);
    return new Unmarked(out.toByteArray(), found);
  }

  /** The position of the quote that closes the string opening at {@code start}. */
  private static int endOfString(byte[] answer, int start) {
    for (int i = start + 1; i < answer.length; i++) {
      if (answer[i] == '\\') {
        i++;
      } else if (answer[i] == '"') {
        return i;
      }
    }
    throw malformed();
  }

  private static int number(byte[] answer, int from, int to) {
    int number = AnswerBytes.decimal(answer, from, to);
    if (number < 0) {
      throw malformed();
    }
    return number;
  }

  private static IllegalStateException malformed() {
    return new IllegalStateException("a rendered answer holds a malformed refusal mark");
  }
}
