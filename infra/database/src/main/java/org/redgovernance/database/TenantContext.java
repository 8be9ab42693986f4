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

  /**
   * One statement, so the context costs a single round trip per transaction. It also asks for
   * generic plans: the services' statements are fixed texts whose values are all binds (a compiled
   * read is the same text for every community and caller of one profile), which the driver prepares
   * on the server after a few runs; PostgreSQL would otherwise plan each run again for its values
   * (about 1 ms of a 4 ms read of 100 residents), though no value changes the best plan.
   */
  public static final String SET_SQL =
      "select set_config('"
          + COMMUNITY_IDS
          + "', ?, true), set_config('"
          + USER_ID
          + "', ?, true), set_config('plan_cache_mode', 'force_generic_plan', true)";

  /**
   * {@link #SET_SQL} for a read sent in the same round trip as its context, both before one Sync
   * and so in one implicit transaction ({@code TenantTransactions#readAtOnce}): the settings last
   * until the read is done, and the transaction may write nothing, as {@code BEGIN READ ONLY} would
   * say (turning a transaction read-only is allowed at any point in it).
   */
  public static final String SET_READ_ONLY_SQL =
      SET_SQL + ", set_config('transaction_read_only', 'on', true)";

  private TenantContext() {}

  /**
   * Sets the context on a plain JDBC connection for its current transaction (jOOQ callers bind
   * {@link #SET_SQL} themselves).
   */
  public static void apply(Connection connection, Collection<UUID> communityIds, String userId)
      throws SQLException {
    apply(connection, communityIdsLiteral(communityIds), userId);
  }

  /**
   * As {@link #apply(Connection, Collection, String)}, with the ids already written by {@link
   * #communityIdsLiteral} (a caller that sets the same communities on every request keeps it).
   */
  public static void apply(Connection connection, String communityIdsLiteral, String userId)
      throws SQLException {
    try (PreparedStatement set = connection.prepareStatement(SET_SQL)) {
      set.setString(1, communityIdsLiteral);
      set.setString(2, userId);
      set.executeQuery().close();
    }
  }

  /** Renders ids as the text form of a PostgreSQL {@code uuid[]}, e.g. <code>{a,b}</code>. */
  public static String communityIdsLiteral(Collection<UUID> ids) {
    return ids.stream().map(UUID::toString).sorted().collect(Collectors.joining(",", "{", "}"));
  }
}
