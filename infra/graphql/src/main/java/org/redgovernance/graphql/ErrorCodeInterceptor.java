package org.redgovernance.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.HashMap;
import java.util.Map;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Makes sure every error in every answer carries {@code extensions.code} ({@link ErrorCodes}),
 * including the ones graphql-java raises itself (syntax, validation, limits), so that a client
 * switches on one field. Outermost of the interceptors ({@link SharedGraphQlConfiguration}).
 */
final class ErrorCodeInterceptor implements WebGraphQlInterceptor {

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    return chain
        .next(request)
        .map(
            response ->
                response.getErrors().stream()
                        .allMatch(error -> error.getExtensions().containsKey("code"))
                    ? response
                    : response.transform(
                        builder ->
                            builder.errors(
                                response.getErrors().stream()
                                    .map(ErrorCodeInterceptor::coded)
                                    .toList())));
  }

  private static GraphQLError coded(ResponseError error) {
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
