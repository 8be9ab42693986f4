package org.redgovernance.api.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.exception.DataAccessException;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.SqlStatementCounter;
import org.redgovernance.database.TenantContext;
import org.springframework.stereotype.Component;

/**
 * The tenant context of each tenant transaction open on this thread, until the transaction's first
 * statement carries it. Sent on its own, the context cost a round trip of every transaction, a
 * quarter of a mutation's four (context, write, read-back, commit); the statements that know how
 * take it along in their own round trip instead ({@link TenantTransactions#fetchIn}, {@link
 * TenantTransactions#readIn}). Any other statement jOOQ sends gets it just before, on its own, as
 * before: no statement of a tenant transaction runs without it.
 *
 * <p>Transactions of {@link TenantTransactions} run wholly inside their callback on one thread, and
 * no other code opens transactions, so the innermost context open here is the running
 * transaction's: one that joins another ({@code read} inside {@code write}) sets its own on the
 * shared connection, as it always did, and one that suspends another ({@code writeApart}) has its
 * own connection.
 */
@Component
public class UnsentContexts implements ExecuteListener, ExecuteListenerProvider {

  /** What PostgreSQL is told: the communities' {@code uuid[]} literal and the caller's id. */
  record Context(String communityIds, String userId) {}

  private static final class Open {
    private final Context context;
    private final boolean own;
    private boolean sent;

    private Open(Context context, boolean own) {
      this.context = context;
      this.own = own;
    }
  }

  private final ThreadLocal<ArrayDeque<Open>> open = ThreadLocal.withInitial(ArrayDeque::new);
  private final SqlStatementCounter statements;

  UnsentContexts(SqlStatementCounter statements) {
    this.statements = statements;
  }

  /**
   * Runs {@code work}, a tenant transaction's, with {@code scope}'s context still to send; {@code
   * own}: the transaction began for this work and did not join one running.
   */
  <T> T around(AccessScope scope, boolean own, Supplier<T> work) {
    ArrayDeque<Open> contexts = open.get();
    contexts.push(new Open(new Context(scope.communityIdsLiteral(), scope.caller().userId()), own));
    try {
      return work.get();
    } finally {
      contexts.pop();
      if (contexts.isEmpty()) {
        open.remove();
      }
    }
  }

  /**
   * The running transaction's context if no statement has carried it yet, now counted as sent by
   * the caller, who sends it before or with its statement.
   */
  Optional<Context> take() {
    Open running = open.get().peek();
    if (running == null || running.sent) {
      return Optional.empty();
    }
    running.sent = true;
    statements.executedOutsideJooq();
    return Optional.of(running.context);
  }

  /** Whether the running work began its transaction, rather than joining one. */
  boolean runningIsOwn() {
    Open running = open.get().peek();
    return running != null && running.own;
  }

  /**
   * The running transaction was committed with its last statement: a statement after it would begin
   * another, which needs the context again.
   */
  void committed() {
    Open running = open.get().peek();
    if (running != null) {
      running.sent = false;
    }
  }

  /** Sets the running transaction's context on {@code connection} if it has not been sent. */
  void sendBefore(Connection connection) {
    @Nullable Context context = take().orElse(null);
    if (context == null) {
      return;
    }
    try {
      TenantContext.apply(connection, context.communityIds(), context.userId());
    } catch (SQLException e) {
      throw new DataAccessException("setting the tenant context", e);
    }
  }

  /** A statement jOOQ is about to send. */
  @Override
  public void prepareStart(ExecuteContext context) {
    sendBefore(context.connection());
  }

  @Override
  public ExecuteListener provide() {
    return this;
  }
}
