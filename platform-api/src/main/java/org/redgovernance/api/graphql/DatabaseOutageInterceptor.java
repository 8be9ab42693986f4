package org.redgovernance.api.graphql;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A request that fails before it executes because the database cannot be reached — the caller's
 * communities are read from it — is answered {@code UNAVAILABLE} like a field that fails for that
 * reason ({@link ErrorResolver}), not with an HTTP 500 without a GraphQL body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class DatabaseOutageInterceptor implements WebGraphQlInterceptor {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageInterceptor.class);

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    return Mono.defer(() -> chain.next(request))
        .onErrorResume(
            DatabaseUnavailable::explains,
            outage -> {
              log.warn(
                  "A request failed before it ran: the database cannot be reached ({})",
                  outage.toString());
              ExecutionResult result =
                  ExecutionResult.newExecutionResult()
                      .errors(List.of(DatabaseUnavailable.error(GraphqlErrorBuilder.newError())))
                      .build();
              return Mono.just(
                  new WebGraphQlResponse(
                      new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
            });
  }
}
