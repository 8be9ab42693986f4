package org.redgovernance.api.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Results;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.SqlStatementCounter;
import org.redgovernance.database.TenantContext;
import org.redgovernance.monitoring.StatementObservations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only way features reach tenant tables: a transaction whose first statement hands the scope's
 * community ids and the caller's id to PostgreSQL, transaction-locally, so that row-level security
 * applies and nothing outlives the transaction on a pooled connection.
 */
@Component
public class TenantTransactions {

  private final DSLContext dsl;
  private final DataSource connections;
  private final SqlStatementCounter statements;
  private final StatementObservations observations;
  private final UnsentContexts unsent;
  private final TransactionTemplate reads;
  private final TransactionTemplate writes;
  private final TransactionTemplate writesApart;

  TenantTransactions(
      DSLContext dsl,
      DataSource connections,
      PlatformTransactionManager transactions,
      SqlStatementCounter statements,
      StatementObservations observations,
      UnsentContexts unsent) {
    this.dsl = dsl;
    this.connections = connections;
    this.statements = statements;
    this.observations = observations;
    this.unsent = unsent;
    this.reads = new TransactionTemplate(transactions);
    this.reads.setReadOnly(true);
    this.writes = new TransactionTemplate(transactions);
    this.writesApart = new TransactionTemplate(transactions);
    this.writesApart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public <T> T read(AccessScope scope, Function<DSLContext, T> work) {
    return reads.execute(status -> inContext(scope, status.isNewTransaction(), work));
  }

  public <T> T write(AccessScope scope, Function<DSLContext, T> work) {
    return writes.execute(status -> inContext(scope, status.isNewTransaction(), work));
  }

  /**
   * A read of one statement, sent with its tenant context in one round trip: context and read go
   * before one Sync, so PostgreSQL runs them in one implicit transaction, read-only, that ends with
   * the read. A read of one notice took a fifth of the time of the four round trips of {@link
   * #read} (begin with the context, the read, commit: 0.22 → 0.09 ms per read in pgbench). Inside a
   * transaction already running, the read runs in it as {@link #read} would.
   */
  public <T> T readAtOnce(AccessScope scope, String sql, OneStatement<T> read) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return read(scope, dsl -> readIn(dsl, sql, read));
    }
    try (Connection connection = connections.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      // in auto-commit, the driver sends no BEGIN of its own and one Sync after both statements
      connection.setAutoCommit(true);
      T answer;
      try {
        statements.executedOutsideJooq();
        answer =
            sendOne(
                connection,
                new Preamble(
                    TenantContext.SET_READ_ONLY_SQL,
                    scope.communityIdsLiteral(),
                    scope.caller().userId()),
                sql,
                "",
                read);
      } catch (SQLException e) {
        // a connection the server dropped cannot be set back either: the drop is what failed
        try {
          connection.setAutoCommit(autoCommit);
        } catch (SQLException alsoFailed) {
          e.addSuppressed(alsoFailed);
        }
        throw e;
      }
      connection.setAutoCommit(autoCommit);
      return answer;
    } catch (SQLException e) {
      throw new DataAccessException("reading with the tenant context", e);
    }
  }

  /**
   * A read of one statement in the tenant transaction running ({@code dsl}'s), with the
   * transaction's context in the same round trip if no statement has carried it yet (a mutation
   * reading back what it wrote carried it with its write).
   */
  public <T> T readIn(DSLContext dsl, String sql, OneStatement<T> read) {
    return readIn(dsl, sql, read, false);
  }

  /**
   * {@link #readIn} as the transaction's last statement: when the transaction is this callback's
   * own and nothing waits for its commit, the commit goes in the read's round trip (a mutation
   * reading back what it wrote, with nothing left to do). The driver then finds no transaction to
   * commit and sends nothing; were another statement run after all, it would begin a new
   * transaction, with its context again.
   */
  public <T> T readLastIn(DSLContext dsl, String sql, OneStatement<T> read) {
    boolean commitsAlone =
        TransactionSynchronizationManager.isSynchronizationActive()
            && !TransactionSynchronizationManager.getSynchronizations().isEmpty();
    return readIn(dsl, sql, read, unsent.runningIsOwn() && !commitsAlone);
  }

  private <T> T readIn(DSLContext dsl, String sql, OneStatement<T> read, boolean commit) {
    return dsl.connectionResult(
        connection -> {
          Preamble context =
              unsent
                  .take()
                  .map(
                      unsentContext ->
                          new Preamble(
                              TenantContext.SET_SQL,
                              unsentContext.communityIds(),
                              unsentContext.userId()))
                  .orElse(null);
          try {
            T answer = sendOne(connection, context, sql, commit ? ";\ncommit" : "", read);
            if (commit) {
              unsent.committed();
            }
            return answer;
          } catch (SQLException e) {
            throw new DataAccessException("reading in the tenant transaction", e);
          }
        });
  }

  /**
   * Sends {@code sql} in one round trip, after the tenant context {@code context} (none: null) and
   * before {@code after}, and reads its rows: the one way a read goes out with what surrounds it.
   */
  private <T> T sendOne(
      Connection connection,
      @Nullable Preamble context,
      String sql,
      String after,
      OneStatement<T> read)
      throws SQLException {
    String sent = (context == null ? "" : context.sql() + ";\n") + sql + after;
    try (PreparedStatement statement = connection.prepareStatement(sent)) {
      int first = 1;
      if (context != null) {
        statement.setString(first++, context.communityIds());
        statement.setString(first++, context.userId());
      }
      read.bind(connection, statement, first);
      statements.executedOutsideJooq(sql);
      return observations.observe(
          sql,
          () -> {
            statement.execute();
            if (context != null && !statement.getMoreResults()) {
              throw new IllegalStateException("a read sent with its context returned no rows");
            }
            try (ResultSet rows = statement.getResultSet()) {
              return read.read(rows);
            }
          });
    }
  }

  /** The statement that sets a tenant context, with the two values it binds. */
  private record Preamble(String sql, String communityIds, String userId) {}

  /**
   * The rows of {@code query} run in the tenant transaction running ({@code dsl}'s), with the
   * transaction's context in the same round trip if no statement has carried it yet: a mutation's
   * write, most often its first statement, costs one round trip with its context instead of two.
   */
  public List<Record> fetchIn(DSLContext dsl, ResultQuery<? extends Record> query) {
    UnsentContexts.Context context = unsent.take().orElse(null);
    if (context == null) {
      return List.copyOf(dsl.fetch(query));
    }
    Results both =
        dsl.resultQuery(
                "{0};\n{1}",
                DSL.resultQuery(
                    TenantContext.SET_SQL,
                    DSL.val(context.communityIds()),
                    DSL.val(context.userId())),
                query)
            .fetchMany();
    if (both.size() != 2) {
      throw new IllegalStateException("a statement sent with its context returned no rows");
    }
    return both.get(1);
  }

  /** What {@link #readAtOnce} sends after the context, and what it makes of the rows. */
  public interface OneStatement<T> {

    /** Binds the statement's values, the first of them to parameter {@code first}. */
    void bind(Connection connection, PreparedStatement statement, int first) throws SQLException;

    /** What the rows say. */
    T read(ResultSet rows) throws SQLException;
  }

  /**
   * A write that commits on its own, even inside a transaction that is about to roll back: the
   * audit record of a refusal that undoes the work around it.
   */
  public <T> T writeApart(AccessScope scope, Function<DSLContext, T> work) {
    return writesApart.execute(status -> inContext(scope, status.isNewTransaction(), work));
  }

  /**
   * Runs {@code work} with {@code scope}'s context still to send ({@link UnsentContexts}): the
   * transaction's first statement carries it, or has it set just before. {@code own}: the
   * transaction began for this work, and did not join one running.
   */
  private <T> T inContext(AccessScope scope, boolean own, Function<DSLContext, T> work) {
    return unsent.around(scope, own, () -> work.apply(dsl));
  }
}
