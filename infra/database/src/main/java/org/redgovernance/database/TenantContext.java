package org.redgovernance.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The per-transaction settings that row-level security policies read.
 *
 * <p>Both are set with {@code set_config(name, value, true)}: transaction-local, so a pooled
 * connection handed to the next request carries nothing over. A session-level {@code SET} is never
 * used. With nothing set, every policy matches no row.
 */
public final class TenantContext {

  /** Communities the transaction may touch, a PostgreSQL {@code uuid[]} literal. */
  public static final String COMMUNITY_IDS = "rg.community_ids";

  /** The acting user's Keycloak subject. */
  public static final String USER_ID = "rg.user_id";

  /** One statement, so the context costs a single round trip per transaction. */
  public static final String SET_SQL =
      "select set_config('" + COMMUNITY_IDS + "', ?, true), set_config('" + USER_ID + "', ?, true)";

  private TenantContext() {}

  /**
   * Sets the context on a plain JDBC connection for its current transaction (jOOQ callers bind
   * {@link #SET_SQL} themselves).
   */
  public static void apply(Connection connection, Collection<UUID> communityIds, String userId)
      throws SQLException {
    try (PreparedStatement set = connection.prepareStatement(SET_SQL)) {
      set.setString(1, communityIdsLiteral(communityIds));
      set.setString(2, userId);
      set.executeQuery().close();
    }
  }

  /** Renders ids as the text form of a PostgreSQL {@code uuid[]}, e.g. <code>{a,b}</code>. */
  public static String communityIdsLiteral(Collection<UUID> ids) {
    return ids.stream().map(UUID::toString).sorted().collect(Collectors.joining(",", "{", "}"));
  }
}
