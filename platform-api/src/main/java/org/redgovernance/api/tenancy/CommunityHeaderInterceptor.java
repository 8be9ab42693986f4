package org.redgovernance.api.tenancy;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.security.CallerFromToken;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Resolves the {@link AccessScope} of every GraphQL request before it runs and puts it into the
 * GraphQL context. A request may narrow itself to one community with {@code X-Community: <key>};
 * naming a community the caller holds no role in refuses the whole request, with the same answer
 * whether or not that community exists.
 */
@Component
class CommunityHeaderInterceptor implements WebGraphQlInterceptor {

  static final String HEADER = "X-Community";
  static final String REFUSED_CODE = "COMMUNITY_FORBIDDEN";

  private final CommunityDirectory directory;

  CommunityHeaderInterceptor(CommunityDirectory directory) {
    this.directory = directory;
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    Caller caller = currentCaller();
    AccessScope scope = new AccessScope(caller, directory.reachableBy(caller));
    String header = request.getHeaders().getFirst(HEADER);
    if (header != null) {
      Optional<ReachableCommunity> narrowed = scope.byKey(header.trim());
      if (narrowed.isEmpty()) {
        return Mono.just(refused(request, header));
      }
      scope = scope.narrowedTo(narrowed.get());
    }
    AccessScope resolved = scope;
    request.configureExecutionInput(
        (input, builder) ->
            builder.graphQLContext(Map.of(AccessScope.CONTEXT_KEY, resolved)).build());
    return chain.next(request);
  }

  private static Caller currentCaller() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken jwt) {
      return CallerFromToken.read(jwt.getToken());
    }
    throw new IllegalStateException("GraphQL request without a validated token");
  }

  private static WebGraphQlResponse refused(WebGraphQlRequest request, String key) {
    var error =
        GraphqlErrorBuilder.newError()
            .message("You hold no role in community '%s'", key)
            .errorType(ErrorClassification.errorClassification(REFUSED_CODE))
            .extensions(Map.of("code", REFUSED_CODE, "header", HEADER))
            .build();
    ExecutionResult result = ExecutionResult.newExecutionResult().errors(List.of(error)).build();
    return new WebGraphQlResponse(
        new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
  }
}
