package org.redgovernance.admin.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.Map;
import org.redgovernance.admin.identity.KeycloakAdmin;
import org.redgovernance.database.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Errors as clients of tenant-admin read them, the same as platform-api's: every error carries
 * {@code extensions.code} — {@code INVALID_INPUT} and {@code BAD_USER_INPUT} for arguments no field
 * takes, {@code GRAPHQL_PARSE_FAILED} and {@code GRAPHQL_VALIDATION_FAILED} for documents, {@code
 * UNAVAILABLE} (with {@code retryAfterSeconds}) when Keycloak or the database cannot be reached,
 * {@code INTERNAL} (logged, told as nothing more than "Internal error") for anything unexpected —
 * so that a client switches on one field and no stack trace, SQL or identity-provider detail leaks.
 */
@Component
public class AdminErrors extends DataFetcherExceptionResolverAdapter {

  private static final Logger log = LoggerFactory.getLogger(AdminErrors.class);

  /** When a client should try again after UNAVAILABLE, in seconds. */
  private static final int RETRY_AFTER_SECONDS = 5;

  /** An argument that no field takes, refused before the field runs. */
  static final class Refused extends RuntimeException {
    private final String code;
    private final Map<String, Object> extensions;

    Refused(String code, String message, Map<String, Object> extensions) {
      super(message, null, false, false);
      this.code = code;
      this.extensions = extensions;
    }
  }

  /**
   * An argument a field refuses, for the field to throw: {@code BAD_USER_INPUT} naming it, and
   * nothing runs.
   */
  public static RuntimeException badUserInput(String argument, String message) {
    return new Refused("BAD_USER_INPUT", message, Map.of("field", argument));
  }

  @Override
  protected GraphQLError resolveToSingleError(Throwable error, DataFetchingEnvironment env) {
    return error(GraphqlErrorBuilder.newError(env), error, env.getExecutionStepInfo().getPath());
  }

  /**
   * The same codes for an error that ends a subscription's stream after it started (a database
   * outage while a resumed subscription reads what it missed).
   */
  @Component
  static class Subscriptions extends SubscriptionExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable error) {
      return error(GraphqlErrorBuilder.newError(), error, "a subscription");
    }
  }

  private static GraphQLError error(GraphqlErrorBuilder<?> builder, Throwable error, Object where) {
    if (error instanceof Refused refused) {
      Map<String, Object> extensions = new HashMap<>(refused.extensions);
      extensions.put("code", refused.code);
      return builder
          .errorType(ErrorClassification.errorClassification(refused.code))
          .message(refused.getMessage())
          .extensions(extensions)
          .build();
    }
    if (KeycloakAdmin.unreachable(error) || DatabaseOutage.explains(error)) {
      // nothing was changed in a way that stays: a role is changed in Keycloak first and mirrored
      // after (the mirror is set right from Keycloak), and the other steps are retried as a whole
      log.warn(
          "{} failed: Keycloak or the database cannot be reached ({})", where, error.toString());
      return builder
          .errorType(ErrorClassification.errorClassification("UNAVAILABLE"))
          .message(
              "A service tenant-admin depends on cannot be reached right now; try again in "
                  + RETRY_AFTER_SECONDS
                  + " s")
          .extensions(Map.of("code", "UNAVAILABLE", "retryAfterSeconds", RETRY_AFTER_SECONDS))
          .build();
    }
    log.error("Unexpected error in {}", where, error);
    return builder
        .errorType(ErrorType.DataFetchingException)
        .message("Internal error")
        .extensions(Map.of("code", "INTERNAL"))
        .build();
  }
}
