package org.redgovernance.api.limits;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.graphql.Page;
import org.redgovernance.api.tenancy.AccessScope;

/**
 * What an operation costs, as the number of objects and values it may produce, and the limits on
 * it. Every field costs 1 plus what is below it times how many of it there can be: a connection's
 * {@code first} (its default when not given), an unpaged list {@value #LIST_SIZE} (a household's
 * residents, a meeting's agenda), anything else 1. So {@code households(first: 100) { edges { node
 * { residents { household { residents … } } } } } } costs what it would build — hundreds of
 * thousands — though it selects only a few dozen fields. An operation over {@code maxCost} is
 * refused before it runs; each caller may spend {@code costPerMinute} a minute (0: no budget), past
 * which requests are refused with {@code RATE_LIMITED} until the minute is over. The cost depends
 * only on the document, the operation and the variables that decide page sizes and what is
 * included, so it is worked out once for them ({@link SettledLimits}).
 */
final class QueryCost extends SimplePerformantInstrumentation {

  /** What an operation that asks only about the schema costs. */
  static final long INTROSPECTION_COST = 1000;

  /** How many items an unpaged list is taken to hold. */
  static final int LIST_SIZE = 10;

  private final long maxCost;
  private final SettledLimits settled;
  private final @Nullable CallerBudget budget;

  QueryCost(long maxCost, long costPerMinute, SettledLimits settled) {
    this.maxCost = maxCost;
    this.settled = settled;
    this.budget =
        costPerMinute <= 0 ? null : new CallerBudget(costPerMinute, Duration.ofMinutes(1));
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    ExecutionContext execution = parameters.getExecutionContext();
    long cost = costOf(execution);
    if (cost > maxCost) {
      throw new AbortExecutionException(
          List.of(
              QueryLimits.tooComplex(
                  "The operation may produce "
                      + cost
                      + " objects and values (page sizes multiplied down the tree, unpaged lists"
                      + " counted as "
                      + LIST_SIZE
                      + "); at most "
                      + maxCost
                      + " are allowed: ask for smaller pages or nest less")));
    }
    AccessScope scope = execution.getGraphQLContext().get(AccessScope.CONTEXT_KEY);
    if (budget != null && scope != null) {
      CallerBudget.Outcome outcome = budget.take(scope.caller().userId(), cost);
      if (!outcome.taken()) {
        throw new AbortExecutionException(
            List.of(
                GraphqlErrorBuilder.newError()
                    .errorType(ErrorCode.RATE_LIMITED)
                    .message(
                        "This caller has spent its query budget of "
                            + budget.limit()
                            + " a minute; try again in "
                            + outcome.retryAfterSeconds()
                            + " s")
                    .extensions(
                        Map.of(
                            "code",
                            ErrorCode.RATE_LIMITED.name(),
                            "retryAfterSeconds",
                            outcome.retryAfterSeconds()))
                    .build()));
      }
    }
    return super.beginExecuteOperation(parameters, state);
  }

  /** The cost of the operation about to run, worked out once for its document and variables. */
  long costOf(ExecutionContext execution) {
    // a question about the schema is bounded by its own rule (IntrospectionOnly) and costs a fixed
    // amount of the caller's budget
    return IntrospectionOnly.test(execution)
        ? INTROSPECTION_COST
        : settled.cost(execution, () -> of(execution));
  }

  /** The cost of the operation about to run. */
  static long of(ExecutionContext execution) {
    QueryTraverser traverser =
        QueryTraverser.newQueryTraverser()
            .schema(execution.getGraphQLSchema())
            .document(execution.getDocument())
            .operationName(execution.getOperationDefinition().getName())
            .coercedVariables(execution.getCoercedVariables())
            .build();
    // post order: a field's children are summed (under its environment) before it is visited
    Map<QueryVisitorFieldEnvironment, Long> below = new HashMap<>();
    long[] total = {0};
    traverser.visitPostOrder(
        new QueryVisitorStub() {
          @Override
          public void visitField(QueryVisitorFieldEnvironment field) {
            long cost = saturated(1, below.getOrDefault(field, 0L), multiplier(field));
            QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
            if (parent == null) {
              total[0] = Math.min(Long.MAX_VALUE / 2, total[0] + cost);
            } else {
              below.merge(parent, cost, (a, b) -> Math.min(Long.MAX_VALUE / 2, a + b));
            }
          }
        });
    return total[0];
  }

  /** How many of the field there can be for each of its parent. */
  private static long multiplier(QueryVisitorFieldEnvironment field) {
    GraphQLFieldDefinition definition = field.getFieldDefinition();
    if (definition.getArgument("first") != null) {
      return field.getArguments().get("first") instanceof Number first
          ? Math.max(1, first.longValue())
          : Page.DEFAULT_SIZE;
    }
    GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
    if (!(type instanceof GraphQLList)) {
      return 1;
    }
    // a connection's edges are as many as its first, already counted on the connection
    GraphQLType parent = GraphQLTypeUtil.unwrapAll(field.getParentType());
    if (parent instanceof GraphQLNamedType named && named.getName().endsWith("Connection")) {
      return 1;
    }
    return LIST_SIZE;
  }

  /** {@code own + below × times}, never overflowing. */
  private static long saturated(long own, long below, long times) {
    long limit = Long.MAX_VALUE / 2;
    if (below != 0 && times > (limit - own) / below) {
      return limit;
    }
    return own + below * times;
  }
}
