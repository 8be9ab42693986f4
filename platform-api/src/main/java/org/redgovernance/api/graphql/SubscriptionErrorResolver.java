package org.redgovernance.api.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Errors that end a subscription's stream (e.g. subscribing to a meeting the caller may not see)
 * get the same {@code extensions.code} as query errors; anything unexpected is logged and told only
 * as INTERNAL. Subscription methods report refusals as {@code Flux.error(ApiException)}.
 */
@Component
class SubscriptionErrorResolver extends SubscriptionExceptionResolverAdapter {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionErrorResolver.class);

  @Override
  protected GraphQLError resolveToSingleError(Throwable error) {
    if (error instanceof ApiException api) {
      return GraphqlErrorBuilder.newError()
          .errorType(api.code())
          .message(api.getMessage())
          .extensions(api.extensions())
          .build();
    }
    if (DatabaseUnavailable.explains(error)) {
      log.warn("A subscription ended: the database cannot be reached ({})", error.toString());
      return DatabaseUnavailable.error(GraphqlErrorBuilder.newError());
    }
    log.error("Unexpected error in a subscription", error);
    return build(ErrorCode.INTERNAL, "Internal error");
  }

  private static GraphQLError build(ErrorCode code, String message) {
    return GraphqlErrorBuilder.newError()
        .errorType(code)
        .message(message)
        .extensions(Map.of("code", code.name()))
        .build();
  }
}
