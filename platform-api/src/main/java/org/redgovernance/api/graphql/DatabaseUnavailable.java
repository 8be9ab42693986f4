package org.redgovernance.api.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.redgovernance.database.DatabaseOutage;
import org.springframework.transaction.TransactionSystemException;

/**
 * The error of a request that failed because the database could not be reached ({@link
 * DatabaseOutage}): {@code UNAVAILABLE}, with when to try again. A restart of PostgreSQL takes a
 * few seconds, and the pool connects again by itself.
 */
final class DatabaseUnavailable {

  /** When a client should try again, in seconds. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseUnavailable() {}

  /**
   * Whether the database being out of reach explains {@code failure}, also when a rollback that
   * failed on the dropped connection took the place of the failure itself.
   */
  static boolean explains(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (DatabaseOutage.explains(cause)) {
        return true;
      }
      if (cause instanceof TransactionSystemException rollback
          && rollback.getApplicationException() != null
          && DatabaseOutage.explains(rollback.getApplicationException())) {
        return true;
      }
    }
    return false;
  }

  static GraphQLError error(GraphqlErrorBuilder<?> builder) {
    return builder
        .errorType(ErrorCode.UNAVAILABLE)
        .message(
            "The database cannot be reached right now; try again in " + RETRY_AFTER_SECONDS + " s")
        .extensions(
            Map.of("code", ErrorCode.UNAVAILABLE.name(), "retryAfterSeconds", RETRY_AFTER_SECONDS))
        .build();
  }
}
