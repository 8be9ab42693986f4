package org.redgovernance.api.limits;

import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * At most {@code rg.graphql.max-concurrent-operations} operations sent over HTTP execute at once
 * (twice the processors unless told; 0 for no limit); the others wait their turn in the order they
 * came. Every operation's work is CPU in this JVM and in PostgreSQL, and the scheduler shares the
 * cores among everything runnable: with many more operations than cores executing side by side some
 * of them wait many times their share (ten at once on two cores gave a page of 100 residents a p99
 * of 89 ms at a p50 of 7 ms). Fewer is not better either: one per processor kept every p99 of the
 * benchmark under 16 ms, but light operations and mutations then leave the cores idle while they
 * wait on PostgreSQL — communities, buildings and reportMatter lost 15–25 % of their throughput
 * (benchmark, 2026-12-04). With PostgreSQL on a host of its own an operation spends more of its
 * time waiting on the network, and a deployment may raise the limit towards the pool's size. The
 * slot is held while the operation executes, not while its answer is written to a slow client.
 * Subscriptions over WebSocket live for hours and are not counted.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class OperationSlots implements WebGraphQlInterceptor {

  private final @Nullable Semaphore slots;

  OperationSlots(@Value("${rg.graphql.max-concurrent-operations:-1}") int configured) {
    int size = configured < 0 ? 2 * Runtime.getRuntime().availableProcessors() : configured;
    // fair: a waiting operation is not overtaken by one that came after it
    this.slots = size == 0 ? null : new Semaphore(size, true);
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    if (slots == null || request instanceof WebSocketGraphQlRequest) {
      return chain.next(request);
    }
    return Mono.defer(
        () -> {
          try {
            slots.acquire();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Mono.error(new IllegalStateException("interrupted waiting for a slot", e));
          }
          Mono<WebGraphQlResponse> executed;
          try {
            executed = chain.next(request);
          } catch (RuntimeException | Error e) {
            slots.release();
            throw e;
          }
          return executed.doFinally(signal -> slots.release());
        });
  }
}
