package org.redgovernance.api.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Makes sure every error in every response carries {@code extensions.code}, including the ones
 * graphql-java raises itself (syntax, validation), so that clients switch on one field.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    return chain
        .next(request)
        .map(
            response -> {
              if (response.getErrors().isEmpty()
                  || response.getErrors().stream()
                      .allMatch(error -> error.getExtensions().containsKey("code"))) {
                return response;
              }
              return response.transform(
                  builder ->
                      builder.errors(
                          response.getErrors().stream().map(ErrorCodeInterceptor::coded).toList()));
            });
  }

  private static GraphQLError coded(org.springframework.graphql.ResponseError error) {
    Map<String, Object> extensions = new HashMap<>(error.getExtensions());
    extensions.putIfAbsent("code", ErrorCodes.of(error.getErrorType()));
    return GraphqlErrorBuilder.newError()
        .message(error.getMessage())
        .locations(error.getLocations())
        .path(error.getParsedPath())
        .errorType(error.getErrorType())
        .extensions(extensions)
        .build();
  }
}
