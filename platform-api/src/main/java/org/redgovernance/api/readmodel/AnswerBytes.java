package org.redgovernance.api.readmodel;

/**
 * Reading the control-character slots and marks PostgreSQL writes into a compiled answer ({@link
 * Base64Slots}, {@link SecretSlots}, {@link RefusalMarks}, {@link Deferrals}) straight from its
 * UTF-8 bytes: a control character never occurs inside a multi-byte character.
 */
final class AnswerBytes {

  private AnswerBytes() {}

  /** Where {@code wanted} first occurs at or after {@code from}; -1 when it does not. */
  static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /** The decimal number of up to nine digits between {@code from} and {@code to}; -1 if none. */
  static int decimal(byte[] bytes, int from, int to) {
    if (to <= from || to - from > 9) {
      return -1;
    }
    int number = 0;
    for (int i = from; i < to; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      number = number * 10 + digit;
    }
    return number;
  }
}
