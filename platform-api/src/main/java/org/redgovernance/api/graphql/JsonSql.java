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
    // PostgreSQL's base64 breaks lines every 76 characters; translate drops them with the padding.
    return DSL.field(
        "translate(encode(convert_to({0}, 'UTF8'), 'base64'), E'+/=\\n', '-_')",
        String.class, text);
  }

  /**
   * The {@code DateTime} scalar: ISO_OFFSET_DATE_TIME of the instant in UTC, seconds always, the
   * fraction without trailing zeros (2026-11-28T11:00:00Z, 2026-11-28T11:00:00.25Z).
   */
  public static Field<String> dateTime(Field<OffsetDateTime> at) {
    return DSL.field(
        "regexp_replace(to_char({0} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'),"
            + " '\\.?0+$', '') || 'Z'",
        String.class, at);
  }

  /**
   * {@code OffsetDateTime.toString()} of the instant in UTC, as keyset cursors hold it: seconds
   * only when not zero, the fraction in groups of three digits (2026-11-28T11:00Z,
   * 2026-11-28T11:00:05.250Z).
   */
  public static Field<String> instantText(Field<OffsetDateTime> at) {
    Field<?> utc = DSL.field("({0} AT TIME ZONE 'UTC')", Object.class, at);
    return DSL.field(
        "to_char({0}, 'YYYY-MM-DD\"T\"HH24:MI') || CASE"
            + " WHEN to_char({0}, 'SS.US') = '00.000000' THEN ''"
            + " WHEN to_char({0}, 'US') = '000000' THEN to_char({0}, ':SS')"
            + " WHEN to_char({0}, 'US') LIKE '%000' THEN to_char({0}, ':SS.MS')"
            + " ELSE to_char({0}, ':SS.US') END || 'Z'",
        String.class, utc);
  }
}
