package org.redgovernance.graphql;

import graphql.introspection.Introspection;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Whether this service answers questions about its schema ({@code rg.graphql.introspection},
 * environment {@code RG_GRAPHQL_INTROSPECTION}; off in production, on in the dev profile), decided
 * for each request. Spring Boot's own switch sets graphql-java's JVM-wide flag, which the last
 * application started in a JVM decides for all of them — the dev stack runs two services in one,
 * the tests several configurations — so that flag stays on and this one decides. Each service
 * declares it as a bean from its setting.
 */
public final class IntrospectionSwitch implements WebGraphQlInterceptor {

  private final boolean enabled;

  public IntrospectionSwitch(boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    if (!enabled) {
      request.configureExecutionInput(
          (input, builder) ->
              builder.graphQLContext(Map.of(Introspection.INTROSPECTION_DISABLED, true)).build());
    }
    return chain.next(request);
  }
}
