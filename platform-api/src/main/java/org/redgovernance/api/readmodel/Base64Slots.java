package org.redgovernance.api.readmodel;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Global IDs and cursors are base64url text; PostgreSQL writes them into a rendered answer as
 * slots, and {@link RenderedJson} encodes the slots as it reads the answer. PostgreSQL's base64 is
 * a chain of functions per value (encode, then undo its line breaks, padding and alphabet) that
 * cost a third of a household page's statement; Java encodes the same bytes in a fraction of the
 * time.
 *
 * <p>A slot is {@code \x01}, the byte length of the text in decimal, {@code \x02}, then the text
 * itself, inside the JSON string's quotes. The length lets the text hold any character. No other
 * part of a rendered answer holds a raw control character: values go through {@code to_json}, which
 * escapes them ({@link JsonText}).
 */
final class Base64Slots {

  private static final byte START = 0x01;
  private static final byte TEXT = 0x02;

  private static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
          .getBytes(StandardCharsets.US_ASCII);

  /** Opens a slot; the text's length follows. */
  static final String START_OF_SLOT = "\u0001";

  /** Ends the length; the text follows. */
  static final String START_OF_TEXT = "\u0002";

  private Base64Slots() {}

  /** What opens the slot of a text of {@code byteLength} UTF-8 bytes; the text follows. */
  static String opening(int byteLength) {
    return START_OF_SLOT + byteLength + START_OF_TEXT;
  }

  /** The answer with every slot's text replaced by its base64url encoding, unpadded. */
  static byte[] encode(byte[] answer) {
    int first = AnswerBytes.indexOf(answer, START, 0);
    if (first < 0) {
      return answer;
    }
    // where each slot starts, where its text starts and how long it is: found once, used twice
    int[] slots = new int[48];
    int count = 0;
    int length = answer.length;
    for (int slot = first; slot >= 0; ) {
      int separator = AnswerBytes.indexOf(answer, TEXT, slot + 1);
      if (separator < 0) {
        throw malformed();
      }
      int text = length(answer, slot + 1, separator);
      if (separator + 1 + text > answer.length) {
        throw malformed();
      }
      if (count + 3 > slots.length) {
        slots = Arrays.copyOf(slots, slots.length * 2);
      }
      slots[count++] = slot;
      slots[count++] = separator + 1;
      slots[count++] = text;
      length += (text * 4 + 2) / 3 - (separator + 1 + text - slot);
      slot = AnswerBytes.indexOf(answer, START, separator + 1 + text);
    }
    byte[] encoded = new byte[length];
    int from = 0;
    int to = 0;
    for (int i = 0; i < count; i += 3) {
      System.arraycopy(answer, from, encoded, to, slots[i] - from);
      to += slots[i] - from;
      to = encode(answer, slots[i + 1], slots[i + 2], encoded, to);
      from = slots[i + 1] + slots[i + 2];
    }
    System.arraycopy(answer, from, encoded, to, answer.length - from);
    return encoded;
  }

  private static int length(byte[] answer, int from, int to) {
    int length = AnswerBytes.decimal(answer, from, to);
    if (length < 0) {
      throw malformed();
    }
    return length;
  }

  private static int encode(byte[] source, int from, int length, byte[] target, int to) {
    int end = from + length;
    int i = from;
    for (; i + 3 <= end; i += 3) {
      int bits = (source[i] & 0xff) << 16 | (source[i + 1] & 0xff) << 8 | (source[i + 2] & 0xff);
      target[to++] = ALPHABET[bits >>> 18];
      target[to++] = ALPHABET[bits >>> 12 & 0x3f];
      target[to++] = ALPHABET[bits >>> 6 & 0x3f];
      target[to++] = ALPHABET[bits & 0x3f];
    }
    if (end - i == 1) {
      int bits = (source[i] & 0xff) << 16;
      target[to++] = ALPHABET[bits >>> 18];
      target[to++] = ALPHABET[bits >>> 12 & 0x3f];
    } else if (end - i == 2) {
      int bits = (source[i] & 0xff) << 16 | (source[i + 1] & 0xff) << 8;
      target[to++] = ALPHABET[bits >>> 18];
      target[to++] = ALPHABET[bits >>> 12 & 0x3f];
      target[to++] = ALPHABET[bits >>> 6 & 0x3f];
    }
    return to;
  }

  private static IllegalStateException malformed() {
    return new IllegalStateException("a rendered answer holds a malformed base64 slot");
  }
}
