package org.redgovernance.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.redgovernance.database.DatabaseRoles;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.database.TenantContext;
import org.redgovernance.testing.TestStack;

/**
 * Reads the database behind the API's back, as the owner with every community in context, so that
 * tests can check what a request really changed.
 */
public final class Rows {

  private Rows() {}

  public static long count(String sql, Object... parameters) {
    try (Connection owner =
        DriverManager.getConnection(
            TestStack.get().jdbcUrl(), DatabaseRoles.OWNER, LocalPostgres.OWNER_PASSWORD)) {
      owner.setAutoCommit(false);
      owner
          .createStatement()
          .executeQuery(
              "SELECT set_config('"
                  + TenantContext.COMMUNITY_IDS
                  + "', (SELECT array_agg(id)::text FROM rg.community), true)")
          .close();
      try (PreparedStatement query = owner.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          query.setObject(i + 1, parameters[i]);
        }
        try (ResultSet row = query.executeQuery()) {
          row.next();
          long count = row.getLong(1);
          owner.rollback();
          return count;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Changes rows behind the API's back, e.g. to move a matter's dates into the past. */
  public static int update(String sql, Object... parameters) {
    try (Connection owner =
        DriverManager.getConnection(
            TestStack.get().jdbcUrl(), DatabaseRoles.OWNER, LocalPostgres.OWNER_PASSWORD)) {
      owner.setAutoCommit(false);
      owner
          .createStatement()
          .executeQuery(
              "SELECT set_config('"
                  + TenantContext.COMMUNITY_IDS
                  + "', (SELECT array_agg(id)::text FROM rg.community), true)")
          .close();
      try (PreparedStatement update = owner.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          update.setObject(i + 1, parameters[i]);
        }
        int changed = update.executeUpdate();
        owner.commit();
        return changed;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends a PostgreSQL notification, as a committed change would. */
  public static void notify(String channel, String payload) {
    try (Connection owner =
            DriverManager.getConnection(
                TestStack.get().jdbcUrl(), DatabaseRoles.OWNER, LocalPostgres.OWNER_PASSWORD);
        PreparedStatement notify = owner.prepareStatement("SELECT pg_notify(?, ?)")) {
      notify.setString(1, channel);
      notify.setString(2, payload);
      notify.executeQuery().close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static long notices(String communityKey) {
    return count(
        "SELECT count(*) FROM rg.notice n JOIN rg.community c ON c.id = n.community_id"
            + " WHERE c.key = ?",
        communityKey);
  }

  public static long auditEvents(String action) {
    return count("SELECT count(*) FROM rg.audit_event WHERE action = ?", action);
  }
}
