package org.redgovernance.api.readmodel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.impl.DSL;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * A value PostgreSQL may not write in clear — it holds only its cipher text — sits in a compiled
 * answer as a slot, and Java writes the revealed value in its place after the statement ran ({@link
 * Answers}). A slot is {@code \x03}, then {@code kind:community:subject:cipher-in-hex}, then {@code
 * \x04}, where the JSON value (a string, quotes included) goes. Nothing else in an answer holds
 * these control characters: user data reaches it only through {@code to_json}, which escapes them
 * ({@link JsonText}).
 */
final class SecretSlots {

  private static final byte START = 0x03;
  private static final byte END = 0x04;
  private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]*");

  private SecretSlots() {}

  /** The slot of the secret in {@code cipher} (NULL when it is). */
  static Field<JSON> slot(
      String kind, Field<UUID> communityId, Field<UUID> subjectId, Field<byte[]> cipher) {
    if (!KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("A secret's kind is upper-case letters: " + kind);
    }
    return JsonText.concat(
        "\u0003" + kind + ":",
        communityId.cast(String.class),
        ":",
        subjectId.cast(String.class),
        ":",
        DSL.field("encode({0}, 'hex')", String.class, cipher),
        "\u0004");
  }

  /**
   * The answers with every slot replaced by its revealed value as a JSON string; {@code reveal} is
   * asked once, for every slot of every answer, in order.
   */
  static List<byte[]> reveal(List<byte[]> answers, Function<List<Secret>, List<String>> reveal) {
    List<Secret> secrets = new ArrayList<>();
    for (byte[] answer : answers) {
      for (int start = AnswerBytes.indexOf(answer, START, 0); start >= 0; ) {
        int end = AnswerBytes.indexOf(answer, END, start + 1);
        if (end < 0) {
          throw malformed();
        }
        secrets.add(parse(new String(answer, start + 1, end - start - 1, StandardCharsets.UTF_8)));
        start = AnswerBytes.indexOf(answer, START, end + 1);
      }
    }
    if (secrets.isEmpty()) {
      return answers;
    }
    List<String> plain = reveal.apply(secrets);
    if (plain.size() != secrets.size()) {
      throw new IllegalStateException("a secret keeper answered for other secrets than asked");
    }
    Iterator<String> values = plain.iterator();
    List<byte[]> revealed = new ArrayList<>(answers.size());
    for (byte[] answer : answers) {
      revealed.add(replace(answer, values));
    }
    return revealed;
  }

  private static byte[] replace(byte[] answer, Iterator<String> values) {
    int start = AnswerBytes.indexOf(answer, START, 0);
    if (start < 0) {
      return answer;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(answer.length);
    int from = 0;
    while (start >= 0) {
      int end = AnswerBytes.indexOf(answer, END, start + 1);
      out.write(answer, from, start - from);
      out.write('"');
      out.writeBytes(JsonStringEncoder.getInstance().quoteAsUTF8(values.next()));
      out.write('"');
      from = end + 1;
      start = AnswerBytes.indexOf(answer, START, from);
    }
    out.write(answer, from, answer.length - from);
    return out.toByteArray();
  }

  private static Secret parse(String slot) {
    String[] parts = slot.split(":", -1);
    if (parts.length != 4 || !KIND.matcher(parts[0]).matches()) {
      throw malformed();
    }
    try {
      return new Secret(
          parts[0],
          UUID.fromString(parts[1]),
          UUID.fromString(parts[2]),
          HexFormat.of().parseHex(parts[3]));
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
  }

  private static IllegalStateException malformed() {
    return new IllegalStateException("a rendered answer holds a malformed secret slot");
  }
}
