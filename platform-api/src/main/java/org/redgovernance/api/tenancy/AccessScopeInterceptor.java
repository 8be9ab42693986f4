package org.redgovernance.api.tenancy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.security.CallerFromToken;
import org.redgovernance.graphql.ConnectionTokens;
import org.redgovernance.graphql.RefusedRequest;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Resolves the {@link AccessScope} of every GraphQL request, over HTTP or WebSocket, before it runs
 * and puts it into the GraphQL context. A request may narrow itself to one community with {@code
 * X-Community: <key>}; naming a community the caller holds no role in refuses the whole request,
 * with the same answer whether or not that community exists.
 */
@Component
class AccessScopeInterceptor implements WebSocketGraphQlInterceptor, ConnectionTokens {

  static final String HEADER = "X-Community";
  static final String REFUSED_CODE = "COMMUNITY_FORBIDDEN";
  static final String AUTHORIZATION = "Authorization";
  private static final String TOKEN_ATTRIBUTE = AccessScopeInterceptor.class.getName() + ".token";

  private final AccessScopes scopes;

  private final JwtDecoder tokens;

  AccessScopeInterceptor(AccessScopes scopes, JwtDecoder tokens) {
    this.scopes = scopes;
    this.tokens = tokens;
  }

  /**
   * Browsers cannot send headers on a WebSocket handshake, so a WebSocket client authenticates in
   * its {@code connection_init} payload: {@code {"Authorization": "Bearer <token>", "X-Community":
   * "<key>"}}. A missing or invalid token closes the connection (4401).
   */
  @Override
  public Mono<Object> handleConnectionInitialization(
      WebSocketSessionInfo session, Map<String, Object> payload) {
    Optional<Jwt> token = ConnectionTokens.bearer(tokens, payload.get(AUTHORIZATION));
    if (token.isEmpty()) {
      return Mono.error(new BadCredentialsException("connection_init carries no valid token"));
    }
    session.getAttributes().put(TOKEN_ATTRIBUTE, token.get());
    if (payload.get(HEADER) instanceof String community) {
      session.getAttributes().put(HEADER, community);
    }
    return Mono.empty();
  }

  /**
   * A renewed token must be valid and the same person's ({@code sub}): a connection is one
   * person's, whatever tokens it carries over time.
   */
  @Override
  public boolean renew(Map<String, Object> connection, String authorization) {
    Optional<Jwt> renewed =
        ConnectionTokens.renewal(tokens, connection.get(TOKEN_ATTRIBUTE), authorization);
    renewed.ifPresent(token -> connection.put(TOKEN_ATTRIBUTE, token));
    return renewed.isPresent();
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    if (request instanceof WebSocketGraphQlRequest socket) {
      Map<String, Object> attributes = socket.getSessionInfo().getAttributes();
      if (!(attributes.get(TOKEN_ATTRIBUTE) instanceof Jwt token)
          || token.getExpiresAt() == null
          || token.getExpiresAt().isBefore(Instant.now())) {
        return Mono.just(
            RefusedRequest.answer(
                request,
                ErrorCode.UNAUTHENTICATED.name(),
                "The connection's token has expired; reconnect with a new one"));
      }
      Caller caller = CallerFromToken.read(token);
      String header = (String) attributes.get(HEADER);
      Optional<AccessScope> scope = scope(caller, header);
      // a running subscription follows the connection's token as the client renews it
      Supplier<Jwt> current = () -> (Jwt) attributes.get(TOKEN_ATTRIBUTE);
      return run(request, chain, scope, header)
          .map(
              response ->
                  scope.isEmpty()
                      ? response
                      : LiveSubscriptions.bounded(
                          response,
                          () -> current.get().getExpiresAt(),
                          scope.get(),
                          () -> scope(CallerFromToken.read(current.get()), header)));
    }
    String header = request.getHeaders().getFirst(HEADER);
    return run(request, chain, scope(currentCaller(), header), header);
  }

  private Mono<WebGraphQlResponse> run(
      WebGraphQlRequest request,
      Chain chain,
      Optional<AccessScope> scope,
      @Nullable String header) {
    if (scope.isEmpty()) {
      return Mono.just(
          RefusedRequest.answer(
              request, REFUSED_CODE, "You hold no role in community '" + header + "'"));
    }
    request.configureExecutionInput(
        (input, builder) ->
            builder.graphQLContext(Map.of(AccessScope.CONTEXT_KEY, scope.get())).build());
    return chain.next(request);
  }

  /**
   * The caller's scope, narrowed to the community the request names; empty when it names one the
   * caller holds no role in.
   */
  private Optional<AccessScope> scope(Caller caller, @Nullable String header) {
    AccessScope scope = scopes.of(caller);
    if (header == null) {
      return Optional.of(scope);
    }
    return scope.byKey(header.trim()).map(scope::narrowedTo);
  }

  private static Caller currentCaller() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken jwt) {
      return CallerFromToken.read(jwt.getToken());
    }
    throw new IllegalStateException("GraphQL request without a validated token");
  }
}
