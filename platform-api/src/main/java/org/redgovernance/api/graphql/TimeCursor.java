package org.redgovernance.api.graphql;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The keyset position of a connection ordered by a time and then an id (notices by publication,
 * matters by report, comments by writing, meetings by start): what a cursor encodes, and what a
 * repository continues after.
 */
public record TimeCursor(OffsetDateTime at, UUID id) {

  /**
   * The cursor key of a row at {@code at} with {@code id}, for {@link Page#of}: the instant as the
   * {@code DateTime} scalar writes it, in UTC, which PostgreSQL writes alike for rendered pages
   * ({@link JsonSql#dateTime}). Cursors written before in {@code OffsetDateTime.toString()} form
   * still decode.
   */
  public static String key(OffsetDateTime at, UUID id) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC))
        + "|"
        + id;
  }

  /** The position a cursor's key (the cursor decoded) names; bad input when it names none. */
  public static TimeCursor ofKey(String key) {
    String[] parts = key.split("\\|");
    try {
      if (parts.length != 2) {
        throw new IllegalArgumentException("not two parts");
      }
      return new TimeCursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
    } catch (RuntimeException e) {
      throw ApiException.badInput("after is not a cursor of this connection");
    }
  }
}
