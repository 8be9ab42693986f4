package org.redgovernance.api.tenancy;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.redgovernance.api.graphql.ErrorCode;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps a subscription no longer alive than the access that opened it. A token's roles are the
 * caller's roles as of its issue, so a role revoked in Keycloak stops working when the token
 * expires: at that moment the subscription ends with {@code UNAUTHENTICATED} (the client reconnects
 * with a fresh token and subscribes again) — unless the client renewed the connection's token
 * meanwhile, in a {@code ping} ({@link org.redgovernance.api.graphql.ConnectionTokens}), which
 * moves the end to the new token's expiry. Before each event is sent, the caller's access is worked
 * out again — the communities the token reaches, with their current status — and when it is no
 * longer what it was when the subscription began (a community suspended, archived or erased, or
 * left out of the directory), the subscription ends with {@code FORBIDDEN} instead of sending.
 */
final class LiveSubscriptions {

  private LiveSubscriptions() {}

  /**
   * The response, with its stream of events (when it is a subscription) ended at {@code expiresAt}
   * and each event checked against {@code current} access first.
   */
  static WebGraphQlResponse bounded(
      WebGraphQlResponse response,
      Supplier<Instant> expiresAt,
      AccessScope granted,
      Supplier<Optional<AccessScope>> current) {
    if (!(response.getData() instanceof Publisher<?> events)) {
      return response;
    }
    Flux<Object> bounded =
        Flux.<Object>from(events)
            .<Object>handle(
                (event, sink) -> {
                  if (unchanged(granted, current.get())) {
                    sink.next(event);
                  } else {
                    sink.error(
                        ended(
                            ErrorCode.FORBIDDEN,
                            "Your access to this subscription's communities has changed;"
                                + " subscribe again"));
                  }
                })
            .takeUntilOther(expiry(expiresAt))
            .concatWith(
                Mono.defer(
                    () ->
                        Instant.now().isBefore(expiresAt.get())
                            ? Mono.empty()
                            : Mono.error(
                                ended(
                                    ErrorCode.UNAUTHENTICATED,
                                    "The token has expired; reconnect with a fresh token"))));
    return response.transform(builder -> builder.data(bounded));
  }

  /**
   * Completes when the connection's token has expired: it waits until the current token's expiry,
   * then looks again, since the client may have renewed the token meanwhile.
   */
  private static Mono<Long> expiry(Supplier<Instant> expiresAt) {
    return Mono.defer(
        () -> {
          Duration left = Duration.between(Instant.now(), expiresAt.get());
          return left.isNegative() || left.isZero()
              ? Mono.just(0L)
              : Mono.delay(left).then(expiry(expiresAt));
        });
  }

  /** The end of a subscription as the WebSocket handler sends it: an error message with a code. */
  private static SubscriptionPublisherException ended(ErrorCode code, String message) {
    GraphQLError error =
        GraphqlErrorBuilder.newError()
            .errorType(code)
            .message(message)
            .extensions(Map.of("code", code.name()))
            .build();
    return new SubscriptionPublisherException(List.of(error), null);
  }

  private static boolean unchanged(AccessScope granted, Optional<AccessScope> now) {
    return now.isPresent() && now.get().communities().equals(granted.communities());
  }
}
