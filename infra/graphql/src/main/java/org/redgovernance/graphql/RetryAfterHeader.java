package org.redgovernance.graphql;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * An answer whose errors say when to try again ({@code extensions.retryAfterSeconds} of {@code
 * RATE_LIMITED} or {@code UNAVAILABLE}) also carries the HTTP {@code Retry-After} header, the
 * longest of them: what proxies, gateways and HTTP clients read without parsing the body. Both
 * services have it ({@link SharedGraphQlConfiguration}), outside the interceptors whose answers say
 * when to try again (platform-api's database outage answer).
 */
final class RetryAfterHeader implements WebGraphQlInterceptor {

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    return chain
        .next(request)
        .doOnNext(
            response -> {
              long seconds = 0;
              for (ResponseError error : response.getErrors()) {
                if (error.getExtensions().get("retryAfterSeconds") instanceof Number after) {
                  seconds = Math.max(seconds, after.longValue());
                }
              }
              if (seconds > 0) {
                response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
              }
            });
  }
}
