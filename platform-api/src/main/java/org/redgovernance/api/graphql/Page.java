package org.redgovernance.api.graphql;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A Relay connection: one page of nodes with their cursors. Features fetch {@code first + 1} rows
 * in keyset order and hand them here; the extra row only tells whether there is a next page. {@code
 * totalCount} is null when the client did not select it ({@link PageRows}).
 */
public record Page<T>(List<Edge<T>> edges, PageInfo pageInfo, @Nullable Integer totalCount) {

  /** Page size when the client does not say. */
  public static final int DEFAULT_SIZE = 20;

  /** No page is larger, whatever the client asks. */
  public static final int MAX_SIZE = 100;

  public record Edge<T>(String cursor, T node) {}

  public record PageInfo(
      boolean hasNextPage,
      boolean hasPreviousPage,
      @Nullable String startCursor,
      @Nullable String endCursor) {}

  /**
   * Whether the client selected {@code totalCount} on the connection being read: only then is it
   * counted.
   */
  public static boolean countAsked(DataFetchingFieldSelectionSet selection) {
    return selection.contains("totalCount");
  }

  /** The checked page size for a {@code first} argument. */
  public static int size(@Nullable Integer first) {
    int size = first == null ? DEFAULT_SIZE : first;
    if (size < 0 || size > MAX_SIZE) {
      throw ApiException.badInput("first must be between 0 and " + MAX_SIZE);
    }
    return size;
  }

  /** The page of {@code rowsFetched}, without {@code totalCount} (it was not selected). */
  public static <T> Page<T> of(
      List<T> rowsFetched, int size, boolean after, Function<T, String> cursorKey) {
    return of(new PageRows<>(rowsFetched, null), size, after, cursorKey);
  }

  /** The page of the rows read, with their {@code totalCount} when it was read. */
  public static <T> Page<T> of(
      PageRows<T> read, int size, boolean after, Function<T, String> cursorKey) {
    List<T> rowsFetched = read.rows();
    boolean hasNext = rowsFetched.size() > size;
    List<Edge<T>> edges =
        rowsFetched.stream()
            .limit(size)
            .map(row -> new Edge<>(encodeCursor(cursorKey.apply(row)), row))
            .toList();
    String start = edges.isEmpty() ? null : edges.get(0).cursor();
    String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
    return new Page<>(edges, new PageInfo(hasNext, after, start, end), read.totalCount());
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
