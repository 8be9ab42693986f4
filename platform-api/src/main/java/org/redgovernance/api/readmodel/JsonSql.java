package org.redgovernance.api.readmodel;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.impl.DSL;

/**
 * This API's scalars written by PostgreSQL exactly as the Java side writes them, for answers that
 * PostgreSQL renders ({@link JsonShape}). {@code JsonSqlIntegrationTests} holds each to its Java
 * twin.
 */
public final class JsonSql {

  private JsonSql() {}

  /** The length of a UUID's text, always 36 ASCII characters. */
  private static final int UUID_TEXT = 36;

  /**
   * {@link org.redgovernance.api.graphql.GlobalId#of} as a JSON string: base64url, unpadded, of
   * {@code type:community:id}, which PostgreSQL writes as a {@link Base64Slots slot}; NULL when
   * {@code id} is.
   */
  public static Field<JSON> globalId(String type, Field<UUID> communityId, Field<UUID> id) {
    return globalId("", type, communityId, id);
  }

  /**
   * A JSON string of {@code prefix} (JSON-safe: no quote, backslash or control character) and the
   * global id after it: a path that names an object ({@code /matter-attachments/<id>}).
   */
  public static Field<JSON> globalId(
      String prefix, String type, Field<UUID> communityId, Field<UUID> id) {
    if (!prefix.matches("[\\x20-\\x7e&&[^\"\\\\]]*")) {
      throw new IllegalArgumentException("Not a JSON-safe prefix: " + prefix);
    }
    // type names are ASCII: their length in characters is their length in bytes
    int length = type.length() + 1 + UUID_TEXT + 1 + UUID_TEXT;
    return JsonText.concat(
        "\"" + prefix + Base64Slots.opening(length) + type + ":",
        communityId.cast(String.class),
        ":",
        id.cast(String.class),
        "\"");
  }

  /**
   * {@link org.redgovernance.api.graphql.Page#encodeCursor} as a JSON string: base64url, unpadded,
   * of the text's UTF-8 bytes, as a {@link Base64Slots slot}; NULL when the text is.
   */
  public static Field<JSON> base64Url(Field<String> text) {
    return JsonText.concat(
        "\"" + Base64Slots.START_OF_SLOT,
        DSL.octetLength(text).cast(String.class),
        Base64Slots.START_OF_TEXT,
        text,
        "\"");
  }

  /**
   * {@link org.redgovernance.api.graphql.TimeCursor#key}: the instant as {@link #dateTime} writes
   * it, a bar, the id.
   */
  public static Field<String> timeCursorKey(Field<OffsetDateTime> at, Field<UUID> id) {
    return dateTime(at).concat(DSL.inline("|")).concat(id.cast(String.class));
  }

  /**
   * The {@code DateTime} scalar: ISO_OFFSET_DATE_TIME of the instant in UTC, seconds always, the
   * fraction without trailing zeros (2026-11-28T11:00:00Z, 2026-11-28T11:00:00.25Z). The six
   * fraction digits stop the trimming of zeros at the point, which goes when nothing follows it.
   */
  public static Field<String> dateTime(Field<OffsetDateTime> at) {
    return DSL.field(
        "rtrim(rtrim(to_char({0} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '0'), '.')"
            + " || 'Z'",
        String.class, at);
  }
}
