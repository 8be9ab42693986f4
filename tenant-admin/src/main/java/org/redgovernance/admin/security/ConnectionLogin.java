package org.redgovernance.admin.security;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.redgovernance.graphql.ConnectionTokens;
import org.redgovernance.graphql.RefusedRequest;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Login on tenant-admin's WebSocket, which carries subscriptions only. Browsers cannot send headers
 * on a WebSocket handshake, so the client sends its token in {@code connection_init}: {@code
 * {"Authorization": "Bearer <token>"}}; a missing or invalid one closes the connection (4401). The
 * client renews it in a {@code ping} with the same payload (a token of another person closes the
 * connection, 4403). Every subscription gets the connection's {@link ConnectionOperator}; a query
 * or mutation sent over the socket is refused ({@code METHOD_NOT_ALLOWED}: they go over HTTP, where
 * the Authorization header carries the token), as is any operation once the token has expired
 * ({@code UNAUTHENTICATED}: reconnect with a fresh one).
 */
@Component
class ConnectionLogin implements WebSocketGraphQlInterceptor, ConnectionTokens {

  private static final String AUTHORIZATION = "Authorization";
  private static final String TOKEN = ConnectionLogin.class.getName() + ".token";

  private final JwtDecoder tokens;

  ConnectionLogin(JwtDecoder tokens) {
    this.tokens = tokens;
  }

  @Override
  public Mono<Object> handleConnectionInitialization(
      WebSocketSessionInfo session, Map<String, Object> payload) {
    Optional<Jwt> token = ConnectionTokens.bearer(tokens, payload.get(AUTHORIZATION));
    if (token.isEmpty()) {
      return Mono.error(new BadCredentialsException("connection_init carries no valid token"));
    }
    session.getAttributes().put(TOKEN, token.get());
    return Mono.empty();
  }

  /** A renewed token must be valid and the same person's: a connection is one person's. */
  @Override
  public boolean renew(Map<String, Object> connection, String authorization) {
    Optional<Jwt> renewed = ConnectionTokens.renewal(tokens, connection.get(TOKEN), authorization);
    renewed.ifPresent(token -> connection.put(TOKEN, token));
    return renewed.isPresent();
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    if (!(request instanceof WebSocketGraphQlRequest socket)) {
      return chain.next(request);
    }
    Map<String, Object> attributes = socket.getSessionInfo().getAttributes();
    if (!(attributes.get(TOKEN) instanceof Jwt token)
        || token.getExpiresAt() == null
        || !token.getExpiresAt().isAfter(Instant.now())) {
      return Mono.just(
          RefusedRequest.answer(
              request,
              "UNAUTHENTICATED",
              "The connection's token has expired; reconnect with a new one"));
    }
    if (!subscriptionsOnly(request)) {
      return Mono.just(
          RefusedRequest.answer(
              request,
              "METHOD_NOT_ALLOWED",
              "The WebSocket carries subscriptions; send queries and mutations with POST"));
    }
    ConnectionOperator operator = new ConnectionOperator(() -> (Jwt) attributes.get(TOKEN));
    request.configureExecutionInput(
        (input, builder) ->
            builder.graphQLContext(Map.of(ConnectionOperator.CONTEXT_KEY, operator)).build());
    return chain.next(request);
  }

  /**
   * Whether the operation the request runs is a subscription (the document as persisted queries
   * resolved it; an unparsable one is left to graphql-java, which runs nothing).
   */
  private static boolean subscriptionsOnly(WebGraphQlRequest request) {
    Document document;
    try {
      document = Parser.parse(request.toExecutionInput().getQuery());
    } catch (RuntimeException unparsable) {
      return true;
    }
    String name = request.getOperationName();
    return document.getDefinitionsOfType(OperationDefinition.class).stream()
        .filter(operation -> name == null || name.equals(operation.getName()))
        .allMatch(
            operation -> operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION);
  }
}
