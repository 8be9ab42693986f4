package org.redgovernance.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jooq.JSON;
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.tenancy.AccessScope;

/**
 * What a read plan may keep: a statement that differs between requests only in the clock reading
 * bound into it. A time Java computes from the clock makes the read be compiled every time, and an
 * input the plan's key misses is caught when plans are verified.
 */
class ReadPlansTests {

  private static final org.jooq.Field<OffsetDateTime> STARTS_AT =
      DSL.field(DSL.name("m", "starts_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
  private static final OperationDefinition OPERATION =
      OperationDefinition.newOperationDefinition()
          .operation(OperationDefinition.Operation.QUERY)
          .selectionSet(SelectionSet.newSelectionSet().selection(new Field("community")).build())
          .build();
  private static final AccessScope SCOPE =
      new AccessScope(new Caller("u1", "someone", "Someone", false, Map.of(), Map.of()), Set.of());

  private final ReadPlans plans =
      new ReadPlans(DSL.using(SQLDialect.POSTGRES), new SimpleMeterRegistry(), 1_000_000, true);

  @Test
  void aKeptPlan_bindsEachRequestsOwnClockReading() {
    Function<ReadRequest, Optional<Compiled>> startedBeforeNow =
        request -> Optional.of(compiled(STARTS_AT.lt(request.now())));

    Compiled first = plans.compiled(request(), startedBeforeNow).orElseThrow();
    DataFetchingEnvironment later = request();
    Compiled second = plans.compiled(later, startedBeforeNow).orElseThrow();

    assertThat(plans.stats().hitCount()).isEqualTo(1);
    assertThat(values(second)).containsExactly(ReadRequest.of(later).now());
    assertThat(values(first)).doesNotContainAnyElementsOf(values(second));
  }

  @Test
  void aTimeComputedFromTheClockInJava_isCompiledForEveryRequest() {
    AtomicInteger compiled = new AtomicInteger();
    Function<ReadRequest, Optional<Compiled>> lastWeek =
        request -> {
          compiled.incrementAndGet();
          return Optional.of(compiled(STARTS_AT.ge(request.now().minusWeeks(1))));
        };

    plans.compiled(request(), lastWeek);
    plans.compiled(request(), lastWeek);

    assertThat(plans.stats().hitCount()).isZero();
    // each request: once for its answer, once to learn it cannot be kept
    assertThat(compiled).hasValue(4);
  }

  @Test
  void anInputThePlansKeyMisses_failsTheVerification() {
    AtomicInteger outside = new AtomicInteger();
    Function<ReadRequest, Optional<Compiled>> readsSomethingElse =
        request -> Optional.of(compiled(DSL.val(outside.get()).eq(DSL.val(1))));

    plans.compiled(request(), readsSomethingElse);
    outside.incrementAndGet();

    assertThatThrownBy(() -> plans.compiled(request(), readsSomethingElse))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("its key misses an input");
  }

  @Test
  void aReadThatRecordsItsReading_isNeverKept() {
    Function<ReadRequest, Optional<Compiled>> recorded =
        request ->
            Optional.of(
                new Compiled(
                    new ReadStatement.Built(select(DSL.trueCondition())),
                    List.of(),
                    List.of(),
                    false,
                    List.of((dsl, scope) -> {}),
                    List.of(),
                    false));

    plans.compiled(request(), recorded);
    Compiled again = plans.compiled(request(), recorded).orElseThrow();

    assertThat(plans.stats().hitCount()).isZero();
    assertThat(again.statement()).isInstanceOf(ReadStatement.Built.class);
  }

  /** A new request for the root field {@code community} of the one operation, as one caller. */
  private static DataFetchingEnvironment request() {
    GraphQLContext context = GraphQLContext.newContext().of(AccessScope.CONTEXT_KEY, SCOPE).build();
    return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
        .operationDefinition(OPERATION)
        .mergedField(MergedField.newMergedField(new Field("community")).build())
        .executionStepInfo(
            ExecutionStepInfo.newExecutionStepInfo()
                .type(Scalars.GraphQLString)
                .path(ResultPath.rootPath().segment("community"))
                .build())
        .variables(Map.of())
        .graphQLContext(context)
        .build();
  }

  private static Compiled compiled(org.jooq.Condition where) {
    return new Compiled(
        new ReadStatement.Built(select(where)),
        List.of(),
        List.of(),
        false,
        List.of(),
        List.of(),
        true);
  }

  private static Select<Record1<JSON>> select(org.jooq.Condition where) {
    return DSL.select(DSL.inline(JSON.json("{}")))
        .from(DSL.table(DSL.name("m")))
        .where(where, DSL.field(DSL.name("m", "id"), UUID.class).isNotNull());
  }

  private static List<Object> values(Compiled compiled) {
    return ((ReadStatement.Prepared) compiled.statement()).values();
  }
}
