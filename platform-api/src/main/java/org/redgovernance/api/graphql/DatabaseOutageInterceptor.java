package org.redgovernance.api.graphql;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.util.List;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A request that fails before it executes because the database cannot be reached — the caller's
 * communities are read from it — is answered {@code UNAVAILABLE} like a field that fails for that
 * reason ({@link ErrorResolver}), not with an HTTP 500 without a GraphQL body. A subscription whose
 * stream fails for that reason outside its own data fetching — the caller's access, checked again
 * before each event — ends with {@code UNAVAILABLE} too, not with an unexplained "Subscription
 * error": the client subscribes again with {@code after} and misses nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class DatabaseOutageInterceptor implements WebGraphQlInterceptor {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageInterceptor.class);

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    return Mono.defer(() -> chain.next(request))
        .map(DatabaseOutageInterceptor::subscriptionEndsUnavailable)
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

  /** The response, whose stream of events (if it has one) ends UNAVAILABLE on an outage. */
  static WebGraphQlResponse subscriptionEndsUnavailable(WebGraphQlResponse response) {
    if (!(response.getData() instanceof Publisher<?> events)) {
      return response;
    }
    Flux<?> ended =
        Flux.from(events)
            .onErrorMap(
                DatabaseUnavailable::explains,
                outage -> {
                  log.warn(
                      "A subscription ended: the database cannot be reached ({})",
                      outage.toString());
                  return new SubscriptionPublisherException(
                      List.of(DatabaseUnavailable.error(GraphqlErrorBuilder.newError())), outage);
                });
    return response.transform(builder -> builder.data(ended));
  }
}
