package org.redgovernance.api.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.DirectiveVariables;

/**
 * Which operations passed the depth limit already, and what each costs ({@link QueryCost}).
 * graphql-java walks the whole operation against the schema for each limit on every request — a
 * tenth of the CPU of a small read — though the answer depends only on the document, the operation
 * and the variables that {@code @skip} and {@code @include} read or that give a page size: front
 * ends send the same few documents with other IDs. An operation that passed is not walked again;
 * one that fails depth is walked, and refused, every time, and one whose kept cost is over the
 * limit is refused every time. Bounded like {@link DocumentCache}.
 */
final class SettledLimits {

  /** The operation as the limits see it. */
  private record Operation(
      String query, @Nullable String name, Map<String, @Nullable Object> directiveVariables) {}

  /** Per document text: the variables its directives read. */
  private final Cache<String, Set<String>> directiveVariables;

  /** A limit an operation passed. */
  private record Passed(String limit, Operation operation) {}

  private final Cache<Passed, Boolean> passed;

  private final Cache<Operation, Long> costs;

  SettledLimits(int maximumSize) {
    this.directiveVariables = Caffeine.newBuilder().maximumSize(maximumSize).build();
    this.passed = Caffeine.newBuilder().maximumSize(maximumSize).build();
    this.costs = Caffeine.newBuilder().maximumSize(maximumSize).build();
  }

  /** The operation's cost, worked out by {@code cost} the first time. */
  long cost(ExecutionContext execution, Supplier<Long> cost) {
    return costs.get(operation(execution), key -> cost.get());
  }

  /** The step of a limit's instrumentation that walks the operation, and throws when over. */
  @FunctionalInterface
  interface Check {
    InstrumentationContext<ExecutionResult> apply(
        InstrumentationExecuteOperationParameters parameters, InstrumentationState state);
  }

  /** Checks the operation against {@code limit} unless it passed that limit before. */
  InstrumentationContext<ExecutionResult> check(
      String limit,
      InstrumentationExecuteOperationParameters parameters,
      InstrumentationState state,
      Check check) {
    Passed key = new Passed(limit, operation(parameters.getExecutionContext()));
    if (passed.getIfPresent(key) != null) {
      return SimpleInstrumentationContext.noOp();
    }
    InstrumentationContext<ExecutionResult> context = check.apply(parameters, state);
    passed.put(key, Boolean.TRUE);
    return context;
  }

  private Operation operation(ExecutionContext execution) {
    String query = execution.getExecutionInput().getQuery();
    Set<String> names =
        directiveVariables.get(
            query, text -> DirectiveVariables.inDirectivesAndPageSizes(execution.getDocument()));
    Map<String, @Nullable Object> values = new HashMap<>();
    Map<String, Object> variables = execution.getCoercedVariables().toMap();
    for (String name : names) {
      values.put(name, variables.get(name));
    }
    return new Operation(query, execution.getExecutionInput().getOperationName(), values);
  }
}
