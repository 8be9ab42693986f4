package org.redgovernance.api.graphql;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * This API's scalars written by PostgreSQL exactly as the Java side writes them, for answers that
 * PostgreSQL renders ({@link JsonShape}). {@code RenderedJsonTests} holds each to its Java twin.
 */
public final class JsonSql {

  private JsonSql() {}

  /** {@link GlobalId#of}: base64url, unpadded, of {@code type:community:id}. */
  public static Field<String> globalId(String type, Field<UUID> communityId, Field<UUID> id) {
    return base64Url(
        DSL.inline(type + ":")
            .concat(communityId.cast(String.class))
            .concat(DSL.inline(":"))
            .concat(id.cast(String.class)));
  }

  /** {@link Page#encodeCursor}: base64url, unpadded, of the UTF-8 bytes. */
  public static Field<String> base64Url(Field<String> text) {
    // PostgreSQL's base64 breaks lines every 76 characters. Chained replace is twice as fast as
    // one translate, which works character by character (an ID costs 1.5 µs instead of 3.3).
    return DSL.field(
        "replace(replace(rtrim(replace(encode(convert_to({0}, 'UTF8'), 'base64'), E'\\n', ''),"
            + " '='), '+', '-'), '/', '_')",
        String.class, text);
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
