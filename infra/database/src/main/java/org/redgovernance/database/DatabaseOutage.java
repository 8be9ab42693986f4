package org.redgovernance.database;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means that PostgreSQL cannot be reached right now — it is down, restarting,
 * refusing connections, or dropped the connection — rather than that a statement is wrong. Such a
 * request is answered "unavailable, try again" instead of "internal error": nothing about it was
 * wrong, and a transaction cut off by the outage was rolled back whole (a write is never
 * half-applied), except one cut off while committing, whose outcome the client must read.
 */
public final class DatabaseOutage {

  private DatabaseOutage() {}

  /** Whether {@code failure}, or anything that caused it, is the database being unreachable. */
  public static boolean explains(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof ConnectException
          || cause instanceof SocketException) {
        return true;
      }
      if (cause instanceof SQLException sql
          && (unreachable(sql.getSQLState()) || closedByThePool(sql))) {
        return true;
      }
      for (Throwable suppressed : cause.getSuppressed()) {
        if (explains(suppressed)) {
          return true;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * What Hikari throws on a connection it closed for being broken (a connection exception before),
   * e.g. when the rollback after a failed commit tries it again; it carries no SQL state.
   */
  private static boolean closedByThePool(SQLException sql) {
    return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
  }

  /**
   * Connection exceptions (class 08), the server shutting down or starting up (57P01–57P03), too
   * many connections (53300).
   */
  private static boolean unreachable(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03")
            || state.equals("53300"));
  }
}
