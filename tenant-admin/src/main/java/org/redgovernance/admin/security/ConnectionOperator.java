package org.redgovernance.admin.security;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The person behind a WebSocket connection, as the connection's token says now (the client renews
 * it in pings), for a subscription to ask at every event; and the end of a subscription when that
 * token expires: an {@code UNAUTHENTICATED} error, after which the client reconnects with a fresh
 * token. A role revoked in Keycloak so stops counting when the token that carried it expires, as on
 * HTTP.
 */
public final class ConnectionOperator {

  /** The key under which a subscription finds it in the GraphQL context. */
  public static final String CONTEXT_KEY = "rg.connectionOperator";

  private final Supplier<Jwt> token;

  ConnectionOperator(Supplier<Jwt> token) {
    this.token = token;
  }

  /** The operator as the connection's current token says. */
  public Operator now() {
    return Operator.of(token.get());
  }

  /** {@code events} until the connection's token expires, then the error that says so. */
  public <T> Flux<T> untilTokenExpires(Flux<T> events) {
    return events
        .takeUntilOther(expiry())
        .concatWith(
            Mono.defer(
                () ->
                    expiresAt().isAfter(Instant.now())
                        ? Mono.<T>empty()
                        : Mono.<T>error(
                            ended("The token has expired; reconnect with a fresh token"))));
  }

  private Instant expiresAt() {
    Instant at = token.get().getExpiresAt();
    return at == null ? Instant.EPOCH : at;
  }

  /** Completes once the token has expired; a token renewed meanwhile moves the moment on. */
  private Mono<Long> expiry() {
    return Mono.defer(
        () -> {
          Duration left = Duration.between(Instant.now(), expiresAt());
          return left.isNegative() || left.isZero()
              ? Mono.just(0L)
              : Mono.delay(left).then(expiry());
        });
  }

  private static SubscriptionPublisherException ended(String message) {
    GraphQLError error =
        GraphqlErrorBuilder.newError()
            .message(message)
            .extensions(Map.of("code", "UNAUTHENTICATED"))
            .build();
    return new SubscriptionPublisherException(List.of(error), null);
  }
}
