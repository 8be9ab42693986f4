package org.redgovernance.api.readmodel;

import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldValueInfo;
import java.util.concurrent.atomic.AtomicLong;

/**
 * graphql-java's query execution, except that a field whose fetcher answered with {@link
 * RenderedJson} is complete as it is: its sub-selection was rendered in SQL already. It counts as a
 * leaf, so that the DataLoader dispatch of sibling fields does not wait for fields below it that
 * will never run.
 */
public final class RenderedJsonStrategy extends AsyncExecutionStrategy {

  private final AtomicLong rendered = new AtomicLong();

  RenderedJsonStrategy(DataFetcherExceptionHandler exceptionHandler) {
    super(exceptionHandler);
  }

  @Override
  protected FieldValueInfo completeValue(
      ExecutionContext executionContext, ExecutionStrategyParameters parameters) {
    if (parameters.getSource() instanceof RenderedJson rendered) {
      this.rendered.incrementAndGet();
      return new FieldValueInfo(FieldValueInfo.CompleteValueType.SCALAR, rendered);
    }
    return super.completeValue(executionContext, parameters);
  }

  /** Fields answered with PostgreSQL's JSON since the application started. */
  public long rendered() {
    return rendered.get();
  }
}
