package org.redgovernance.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;

/** Operations over HTTP take turns: no more execute at once than there are slots. */
class OperationSlotsTests {

  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger most = new AtomicInteger();

  @Test
  void noMoreOperationsExecuteAtOnceThanThereAreSlots_andEveryOneRuns() throws Exception {
    OperationSlots slots = new OperationSlots(2);
    AtomicInteger done = new AtomicInteger();
    WebGraphQlInterceptor.Chain execution =
        request ->
            Mono.fromCallable(
                () -> {
                  most.accumulateAndGet(running.incrementAndGet(), Math::max);
                  Thread.sleep(30);
                  running.decrementAndGet();
                  done.incrementAndGet();
                  return null;
                });
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(
            callers.submit(
                () -> slots.intercept(request(), execution).block(Duration.ofSeconds(10))));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      callers.shutdownNow();
    }

    assertThat(done).hasValue(8);
    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void aFailedOperation_givesItsSlotBack() {
    OperationSlots slots = new OperationSlots(1);
    WebGraphQlInterceptor.Chain failing = request -> Mono.error(new IllegalStateException("boom"));
    WebGraphQlInterceptor.Chain throwing =
        request -> {
          throw new IllegalStateException("boom before any Mono");
        };

    assertThatThrownBy(() -> slots.intercept(request(), failing).block()).hasMessage("boom");
    assertThatThrownBy(() -> slots.intercept(request(), throwing).block())
        .hasMessage("boom before any Mono");
    // the one slot is free again: this would wait for ever otherwise
    WebGraphQlResponse answer =
        slots
            .intercept(request(), request -> Mono.<WebGraphQlResponse>empty())
            .block(Duration.ofSeconds(5));
    assertThat(answer).isNull();
  }

  @Test
  void noSlots_meansNoLimit() {
    OperationSlots unlimited = new OperationSlots(0);
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          for (int i = 0; i < 100; i++) {
            // never finishes, so never gives a slot back: a limit of any size would run out
            unlimited.intercept(request(), request -> Mono.never()).subscribe();
          }
          assertThat(
                  unlimited
                      .intercept(request(), request -> Mono.<WebGraphQlResponse>empty())
                      .block())
              .isNull();
        });
  }

  @Test
  void operationsWaitForASlot_whileEveryOneIsHeld() {
    OperationSlots slots = new OperationSlots(3);
    for (int i = 0; i < 3; i++) {
      slots.intercept(request(), request -> Mono.never()).subscribe();
    }
    assertThatThrownBy(
            () ->
                assertTimeoutPreemptively(
                    Duration.ofMillis(300),
                    () -> slots.intercept(request(), request -> Mono.empty()).block()))
        .isInstanceOf(org.opentest4j.AssertionFailedError.class);
  }

  private static WebGraphQlRequest request() {
    return new WebGraphQlRequest(
        URI.create("http://127.0.0.1/graphql"),
        new HttpHeaders(),
        new LinkedMultiValueMap<>(),
        Map.of(),
        Map.of("query", "{ viewer { userId } }"),
        "1",
        null);
  }
}
