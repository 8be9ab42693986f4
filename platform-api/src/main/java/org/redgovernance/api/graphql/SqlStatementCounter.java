package org.redgovernance.api.graphql;

import java.util.concurrent.atomic.AtomicLong;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Counts the SQL statements sent to PostgreSQL: those jOOQ sends, and the few sent on the JDBC
 * connection itself (the tenant context). Tests read it around one GraphQL request to prove that
 * nested lists do not run a query per row; it is cheap enough to stay on in production as a plain
 * counter.
 */
public class SqlStatementCounter implements ExecuteListener {

  private final AtomicLong executed = new AtomicLong();

  @Override
  public void executeStart(ExecuteContext context) {
    executed.incrementAndGet();
  }

  /** One statement sent on a JDBC connection without jOOQ. */
  public void executedOutsideJooq() {
    executed.incrementAndGet();
  }

  /** Statements executed since the application started. */
  public long total() {
    return executed.get();
  }
}
