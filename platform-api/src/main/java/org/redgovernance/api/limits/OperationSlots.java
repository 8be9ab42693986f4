package org.redgovernance.api.limits;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * At most {@code rg.graphql.max-concurrent-operations} slots of operations sent over HTTP execute
 * at once (twice the processors unless told; 0 for no limit); the others wait their turn in the
 * order they came. An operation that may produce {@code rg.graphql.heavy-operation-cost} objects
 * and values or more ({@link QueryCost}: a page of 100 residents with their households, 50 matters
 * with their parts) takes two slots, anything lighter one.
 *
 * <p>Why: every operation's work is CPU in this JVM and in PostgreSQL, and the scheduler shares the
 * cores among everything runnable. With more heavy statements running than there are cores some of
 * them wait many times their share: four at once on two cores gave pages of 50 households, 100
 * residents and 100 party members a p99 of 80–110 ms at a p50 of 6 ms, where two at once kept every
 * p99 under 16 ms (benchmark, 2026-12-04). Two slots for everyone instead left the cores idle while
 * light reads and mutations waited on PostgreSQL: communities, buildings and reportMatter lost
 * 15–25 % of their throughput. Weighing operations by what they may produce gives heavy pages one
 * at a time per core and light operations twice as many. With PostgreSQL on a host of its own an
 * operation spends more of its time waiting on the network, and a deployment may raise the limit
 * towards the pool's size.
 *
 * <p>The slots are taken once the operation has passed the limits and its cost is known (this
 * instrumentation is added after every other one), and given back when its answer is ready,
 * whatever happened — not while the answer is written to a slow client. Subscriptions, which live
 * for hours, and operations over WebSocket are not counted.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class OperationSlots implements WebGraphQlInterceptor, GraphQlSourceBuilderCustomizer {

  /** Where an operation sent over HTTP keeps the slots it holds, in its GraphQL context. */
  private static final String HELD = OperationSlots.class.getName() + ".held";

  private final @Nullable Semaphore slots;
  private final int size;
  private final long heavyCost;
  private final QueryCost cost;

  OperationSlots(
      @Value("${rg.graphql.max-concurrent-operations:-1}") int configured,
      @Value("${rg.graphql.heavy-operation-cost:1000}") long heavyCost,
      QueryCost cost) {
    this.size = configured < 0 ? 2 * Runtime.getRuntime().availableProcessors() : configured;
    // fair: a waiting operation is not overtaken by one that came after it
    this.slots = size == 0 ? null : new Semaphore(size, true);
    this.heavyCost = heavyCost;
    this.cost = cost;
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    if (slots == null || request instanceof WebSocketGraphQlRequest) {
      return chain.next(request);
    }
    return Mono.defer(
        () -> {
          Held held = new Held(slots);
          request.configureExecutionInput(
              (input, builder) -> builder.graphQLContext(Map.of(HELD, held)).build());
          Mono<WebGraphQlResponse> executed;
          try {
            executed = chain.next(request);
          } catch (RuntimeException | Error e) {
            held.giveBack();
            throw e;
          }
          return executed.doFinally(signal -> held.giveBack());
        });
  }

  /** Adds the taking of slots after every instrumentation declared as a bean (the limits). */
  @Override
  public void customize(GraphQlSource.SchemaResourceBuilder builder) {
    builder.instrumentation(List.of(takingSlots()));
  }

  /** The instrumentation that takes an operation's slots as it starts to execute. */
  Instrumentation takingSlots() {
    return new TakingSlots();
  }

  private final class TakingSlots extends SimplePerformantInstrumentation {

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
        InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
      ExecutionContext execution = parameters.getExecutionContext();
      Held held = execution.getGraphQLContext().get(HELD);
      if (held != null
          && execution.getOperationDefinition().getOperation()
              != OperationDefinition.Operation.SUBSCRIPTION) {
        held.take(Math.min(size, cost.costOf(execution) >= heavyCost ? 2 : 1));
      }
      return super.beginExecuteOperation(parameters, state);
    }
  }

  /**
   * The slots one operation holds: taken once, given back once; none are taken after the operation
   * ended.
   */
  private static final class Held {

    private final Semaphore slots;
    private int taken;
    private boolean ended;

    Held(Semaphore slots) {
      this.slots = slots;
    }

    void take(int count) {
      synchronized (this) {
        if (ended || taken > 0) {
          return;
        }
      }
      slots.acquireUninterruptibly(count);
      synchronized (this) {
        if (ended) {
          slots.release(count);
        } else {
          taken = count;
        }
      }
    }

    synchronized void giveBack() {
      ended = true;
      slots.release(taken);
      taken = 0;
    }
  }
}
