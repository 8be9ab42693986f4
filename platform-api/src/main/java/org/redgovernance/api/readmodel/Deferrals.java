package org.redgovernance.api.readmodel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Field;
import org.jooq.JSON;
import org.jspecify.annotations.Nullable;

/**
 * A field of a declared type resolved in Java, met inside a compiled answer ({@link
 * ObjectModel.Builder#resolvedInJava}, or a read recorded per community in a list of several
 * communities — {@link ObjectModel.Builder#recordedIf}): PostgreSQL writes a mark in its place —
 * {@code \x07}, the deferral's number, the object's community and id, {@code \x08} — and Java takes
 * the answer apart on the way to each mark ({@link CompiledObject}), so that GraphQL execution
 * resolves the field below, on the Java object the type gives for that id. No other part of an
 * answer holds these control characters ({@link JsonText}).
 */
final class Deferrals {

  private static final byte MARK = 0x07;
  private static final byte END = 0x08;

  private Deferrals() {}

  /** The field {@code field} of the {@code typeName} object with this id, resolved in Java. */
  record Deferral(String typeName, String field) {}

  /** A mark found in an answer. */
  record Found(int index, GlobalIdParts id) {}

  static Field<JSON> mark(int index, Field<UUID> communityId, Field<UUID> id) {
    return JsonText.concat(
        "\u0007" + index + ":",
        communityId.cast(String.class),
        ":",
        id.cast(String.class),
        "\u0008");
  }

  /**
   * The answer taken apart on the way to its marks: an object holding one becomes a {@link
   * CompiledObject}, a list a {@link List}, each mark the value {@code leaf} gives, and every other
   * value a piece of the answer as it was ({@link RenderedJson}).
   */
  static Object split(
      byte[] answer, List<Deferral> deferrals, Function<Found, CompiledObject.JavaField> leaf) {
    return new Splitter(answer, deferrals, leaf).value();
  }

  private static final class Splitter {
    private final byte[] answer;
    private final List<Deferral> deferrals;
    private final Function<Found, CompiledObject.JavaField> leaf;
    private final int[] marks;
    private int at;

    Splitter(
        byte[] answer, List<Deferral> deferrals, Function<Found, CompiledObject.JavaField> leaf) {
      this.answer = answer;
      this.deferrals = deferrals;
      this.leaf = leaf;
      List<Integer> found = new ArrayList<>();
      for (int i = 0; i < answer.length; i++) {
        if (answer[i] == MARK) {
          found.add(i);
        }
      }
      this.marks = found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The value at the current position, the position moved past it. */
    Object value() {
      skipSpace();
      int start = at;
      if (!holdsMark(start)) {
        skipValue();
        return RenderedJson.piece(Arrays.copyOfRange(answer, start, at));
      }
      return switch (answer[at]) {
        case '{' -> object();
        case '[' -> list();
        case MARK -> deferred();
        default -> throw malformed();
      };
    }

    private CompiledObject object() {
      at++;
      CompiledObject object = new CompiledObject(null);
      skipSpace();
      if (answer[at] == '}') {
        at++;
        return object;
      }
      while (true) {
        skipSpace();
        int keyStart = at;
        skipString();
        String key = new String(answer, keyStart + 1, at - keyStart - 2, StandardCharsets.UTF_8);
        skipSpace();
        expect(':');
        Object value = value();
        if (value instanceof CompiledObject.JavaField java
            && java.source() instanceof Typed typed) {
          object.typeName(typed.typeName());
          value = new CompiledObject.JavaField(typed.source());
        }
        object.put(key, value);
        skipSpace();
        if (answer[at] == ',') {
          at++;
        } else {
          expect('}');
          return object;
        }
      }
    }

    private List<Object> list() {
      at++;
      List<Object> list = new ArrayList<>();
      skipSpace();
      if (answer[at] == ']') {
        at++;
        return list;
      }
      while (true) {
        list.add(value());
        skipSpace();
        if (answer[at] == ',') {
          at++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private Object deferred() {
      int end = indexOf(END, at + 1);
      String[] parts =
          new String(answer, at + 1, end - at - 1, StandardCharsets.US_ASCII).split(":");
      at = end + 1;
      try {
        int index = Integer.parseInt(parts[0]);
        Deferral deferral = deferrals.get(index);
        CompiledObject.JavaField field =
            leaf.apply(
                new Found(
                    index,
                    new GlobalIdParts(UUID.fromString(parts[1]), UUID.fromString(parts[2]))));
        // the object holding the mark is of the deferral's type: tell it to its CompiledObject
        return new CompiledObject.JavaField(new Typed(deferral.typeName(), field.source()));
      } catch (RuntimeException e) {
        throw malformed();
      }
    }

    /** Whether a mark lies in the value starting at {@code start}. */
    private boolean holdsMark(int start) {
      int index = Arrays.binarySearch(marks, start);
      int next = index >= 0 ? index : -index - 1;
      if (next >= marks.length) {
        return false;
      }
      int save = at;
      skipValue();
      int end = at;
      at = save;
      return marks[next] < end;
    }

    private void skipValue() {
      skipSpace();
      byte b = answer[at];
      if (b == '"') {
        skipString();
      } else if (b == '{' || b == '[') {
        int depth = 0;
        do {
          byte c = answer[at];
          if (c == '"') {
            skipString();
            continue;
          }
          if (c == '{' || c == '[') {
            depth++;
          } else if (c == '}' || c == ']') {
            depth--;
          }
          at++;
        } while (depth > 0);
      } else if (b == MARK) {
        at = indexOf(END, at + 1) + 1;
      } else {
        while (at < answer.length && ",}] \n\t\r".indexOf(answer[at]) < 0) {
          at++;
        }
      }
    }

    private void skipString() {
      at++;
      while (answer[at] != '"') {
        at += answer[at] == '\\' ? 2 : 1;
      }
      at++;
    }

    private void skipSpace() {
      while (at < answer.length && (answer[at] == ' ' || answer[at] == '\n')) {
        at++;
      }
    }

    private void expect(char c) {
      if (answer[at] != c) {
        throw malformed();
      }
      at++;
    }

    private int indexOf(byte wanted, int from) {
      int found = AnswerBytes.indexOf(answer, wanted, from);
      if (found < 0) {
        throw malformed();
      }
      return found;
    }
  }

  /** A deferred field's source with the type of the object holding it, while splitting. */
  private record Typed(String typeName, @Nullable Object source) {}

  private static IllegalStateException malformed() {
    return new IllegalStateException("a rendered answer holds a malformed deferral");
  }
}
