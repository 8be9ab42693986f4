package org.redgovernance.api.graphql;

import java.util.concurrent.atomic.AtomicLong;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jspecify.annotations.Nullable;

/**
 * Counts the SQL statements sent to PostgreSQL: those jOOQ sends, and the few sent on the JDBC
 * connection itself (the tenant context). Tests read it around one GraphQL request to prove that
 * nested lists do not run a query per row; it is cheap enough to stay on in production as a plain
 * counter.
 */
public class SqlStatementCounter implements ExecuteListener {

  private final AtomicLong executed = new AtomicLong();

  /**
   * The text of the statement sent last (not the tenant context): tests read a statement's shape.
   */
  private volatile @Nullable String last;

  @Override
  public void executeStart(ExecuteContext context) {
    executed.incrementAndGet();
    last = context.sql();
  }

  /** One statement sent on a JDBC connection without jOOQ. */
  public void executedOutsideJooq() {
    executed.incrementAndGet();
  }

  /** One statement of this text sent on a JDBC connection without jOOQ (a kept read plan's). */
  public void executedOutsideJooq(String sql) {
    executed.incrementAndGet();
    last = sql;
  }

  /** The SQL of the read or write sent last, as sent (binds as placeholders). */
  public @Nullable String lastSql() {
    return last;
  }

  /** Statements executed since the application started. */
  public long total() {
    return executed.get();
  }
}
