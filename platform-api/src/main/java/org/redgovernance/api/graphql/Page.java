package org.redgovernance.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Relay connections' page sizes and cursors, the same for every connection: the read model pages in
 * keyset order ({@code readmodel.Keyset}) and writes each cursor as {@link #encodeCursor} does.
 */
public final class Page {

  /** Page size when the client does not say. */
  public static final int DEFAULT_SIZE = 20;

  /** No page is larger, whatever the client asks. */
  public static final int MAX_SIZE = 100;

  private Page() {}

  /** The checked page size for a {@code first} argument. */
  public static int size(@Nullable Integer first) {
    int size = first == null ? DEFAULT_SIZE : first;
    if (size < 0 || size > MAX_SIZE) {
      throw ApiException.badInput("first must be between 0 and " + MAX_SIZE);
    }
    return size;
  }

  public static String encodeCursor(String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  /** The key inside a cursor this API issued; a bad cursor is the client's error. */
  public static String decodeCursor(String cursor) {
    String key;
    try {
      key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badInput("after is not a cursor of this connection");
    }
    // no cursor this API issues holds a NUL, which PostgreSQL's text cannot hold either
    if (key.indexOf('\u0000') >= 0) {
      throw ApiException.badInput("after is not a cursor of this connection");
    }
    return key;
  }
}
