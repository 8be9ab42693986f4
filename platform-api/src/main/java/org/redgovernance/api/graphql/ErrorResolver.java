package org.redgovernance.api.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions into typed GraphQL errors. Deliberate {@link ApiException}s keep their message;
 * the database being out of reach becomes {@code UNAVAILABLE}; everything else becomes {@code
 * INTERNAL} with a neutral message, so that no stack trace, SQL or constraint name reaches a
 * client.
 */
@Component
class ErrorResolver extends DataFetcherExceptionResolverAdapter {

  private static final Logger log = LoggerFactory.getLogger(ErrorResolver.class);

  @Override
  protected GraphQLError resolveToSingleError(Throwable error, DataFetchingEnvironment env) {
    if (error instanceof ApiException api) {
      return GraphqlErrorBuilder.newError(env)
          .errorType(api.code())
          .message(api.getMessage())
          .extensions(api.extensions())
          .build();
    }
    if (DatabaseUnavailable.explains(error)) {
      log.warn(
          "{} failed: the database cannot be reached ({})",
          env.getExecutionStepInfo().getPath(),
          error.toString());
      return DatabaseUnavailable.error(GraphqlErrorBuilder.newError(env));
    }
    log.error("Unexpected error in {}", env.getExecutionStepInfo().getPath(), error);
    return build(env, ErrorCode.INTERNAL, "Internal error");
  }

  private static GraphQLError build(DataFetchingEnvironment env, ErrorCode code, String message) {
    return GraphqlErrorBuilder.newError(env)
        .errorType(code)
        .message(message)
        .extensions(Map.of("code", code.name()))
        .build();
  }
}
