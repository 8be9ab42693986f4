package org.redgovernance.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import graphql.schema.DataFetcher;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Operations over HTTP take turns: no more execute at once than there are slots, a heavy one takes
 * two, and every slot comes back whatever the operation did.
 */
class OperationSlotsTests {

  private static final String LIGHT = "{ light }";
  private static final String HEAVY = "{ page(first: 1000) { value } }";

  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger most = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final ExecutorService callers = Executors.newFixedThreadPool(12);

  /** What each root field does while it runs: counts who runs beside it for a while. */
  private DataFetcher<Object> work =
      env -> {
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
          Thread.sleep(40);
        } finally {
          running.decrementAndGet();
          done.incrementAndGet();
        }
        return env.getField().getName().equals("light") ? 1 : List.of(Map.of("value", 1));
      };

  @AfterEach
  void stop() {
    callers.shutdownNow();
  }

  @Test
  void noMoreLightOperationsExecuteAtOnceThanThereAreSlots_andEveryOneRuns() throws Exception {
    WebGraphQlHandler server = server(new OperationSlots(2, 1000, cost()));

    sendAtOnce(server, LIGHT, 8);

    assertThat(done).hasValue(8);
    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void aHeavyOperationTakesTwoSlots() throws Exception {
    WebGraphQlHandler server = server(new OperationSlots(4, 1000, cost()));

    sendAtOnce(server, HEAVY, 8);

    assertThat(done).hasValue(8);
    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void withASingleSlot_aHeavyOperationStillRuns() throws Exception {
    WebGraphQlHandler server = server(new OperationSlots(1, 1000, cost()));

    sendAtOnce(server, HEAVY, 3);

    assertThat(done).hasValue(3);
    assertThat(most.get()).isEqualTo(1);
  }

  @Test
  void anOperationRefusedByTheLimits_doesNotWaitForASlot() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    work =
        env -> {
          release.await(10, TimeUnit.SECONDS);
          return 1;
        };
    QueryCost cost = new QueryCost(500, 0, new SettledLimits(10));
    WebGraphQlHandler server = server(cost, new OperationSlots(1, 1000, cost));
    Future<?> holding = callers.submit(() -> send(server, LIGHT));
    Thread.sleep(200);

    // the only slot is held; the refusal comes at once all the same
    WebGraphQlResponse refused =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> send(server, HEAVY));
    assertThat(refused.getErrors())
        .singleElement()
        .satisfies(e -> assertThat(e.getMessage()).contains("at most 500"));
    release.countDown();
    holding.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aFailedOperation_givesItsSlotsBack() {
    work =
        env -> {
          throw new IllegalStateException("boom");
        };
    WebGraphQlHandler server = server(new OperationSlots(2, 1000, cost()));

    for (int i = 0; i < 5; i++) {
      // would wait for ever on the second round if the failed heavy operation kept its two slots
      WebGraphQlResponse failed =
          assertTimeoutPreemptively(Duration.ofSeconds(5), () -> send(server, HEAVY));
      assertThat(failed.getErrors()).isNotEmpty();
    }
  }

  @Test
  void noSlots_meansNoLimit() throws Exception {
    WebGraphQlHandler server = server(new OperationSlots(0, 1000, cost()));

    sendAtOnce(server, HEAVY, 6);

    assertThat(most.get()).isEqualTo(6);
  }

  private void sendAtOnce(WebGraphQlHandler server, String document, int count) throws Exception {
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      calls.add(callers.submit(() -> send(server, document)));
    }
    for (Future<?> call : calls) {
      call.get(30, TimeUnit.SECONDS);
    }
  }

  private static WebGraphQlResponse send(WebGraphQlHandler server, String document) {
    return server
        .handleRequest(
            new WebGraphQlRequest(
                URI.create("http://127.0.0.1/graphql"),
                new HttpHeaders(),
                new LinkedMultiValueMap<>(),
                Map.of(),
                Map.of("query", document),
                "1",
                null))
        .block(Duration.ofSeconds(30));
  }

  private static QueryCost cost() {
    return new QueryCost(1_000_000, 0, new SettledLimits(10));
  }

  /** A server as platform-api's: the limits run before the slots, in the order given. */
  private WebGraphQlHandler server(OperationSlots slots) {
    return server(cost(), slots);
  }

  private WebGraphQlHandler server(QueryCost cost, OperationSlots slots) {
    String schema = "type Query { light: Int page(first: Int): [Item] } type Item { value: Int }";
    GraphQlSource source =
        GraphQlSource.schemaResourceBuilder()
            .schemaResources(new ByteArrayResource(schema.getBytes(StandardCharsets.UTF_8)))
            .configureRuntimeWiring(
                wiring ->
                    wiring.type(
                        "Query",
                        type ->
                            type.dataFetcher("light", env -> work.get(env))
                                .dataFetcher("page", env -> work.get(env))))
            .instrumentation(List.of(cost, slots.takingSlots()))
            .build();
    return WebGraphQlHandler.builder(new DefaultExecutionGraphQlService(source))
        .interceptor(slots)
        .build();
  }
}
