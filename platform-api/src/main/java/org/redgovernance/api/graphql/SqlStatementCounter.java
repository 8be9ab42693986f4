package org.redgovernance.api.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
public class SqlStatementCounter implements ExecuteListener, AutoCloseable {

  /** At most this many distinct statements are recorded. */
  private static final int MAX_RECORDED = 50_000;

  private final AtomicLong executed = new AtomicLong();

  /**
   * Where the distinct texts of the statements sent are written when the service stops ({@code
   * rg.sql.record-statements}, the tests' only: the Citus-readiness check reads them); null: none.
   */
  private final @Nullable Path recordTo;

  private final Set<String> recorded = ConcurrentHashMap.newKeySet();

  public SqlStatementCounter() {
    this(null);
  }

  public SqlStatementCounter(@Nullable Path recordTo) {
    this.recordTo = recordTo;
  }

  /**
   * The text of the statement sent last (not the tenant context): tests read a statement's shape.
   */
  private volatile @Nullable String last;

  @Override
  public void executeStart(ExecuteContext context) {
    executed.incrementAndGet();
    last = context.sql();
    record(context.sql());
  }

  /** One statement sent on a JDBC connection without jOOQ. */
  public void executedOutsideJooq() {
    executed.incrementAndGet();
  }

  /** One statement of this text sent on a JDBC connection without jOOQ (a kept read plan's). */
  public void executedOutsideJooq(String sql) {
    executed.incrementAndGet();
    last = sql;
    record(sql);
  }

  private void record(@Nullable String sql) {
    if (recordTo != null && sql != null && recorded.size() < MAX_RECORDED) {
      recorded.add(sql.replaceAll("\\s+", " ").strip());
    }
  }

  /** Appends the statements recorded to {@code rg.sql.record-statements}, one per line. */
  @Override
  public void close() throws IOException {
    if (recordTo == null || recorded.isEmpty()) {
      return;
    }
    Files.createDirectories(recordTo.toAbsolutePath().getParent());
    Files.write(
        recordTo,
        new TreeSet<>(recorded),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
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
