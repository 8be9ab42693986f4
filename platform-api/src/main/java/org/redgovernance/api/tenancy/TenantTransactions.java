package org.redgovernance.api.tenancy;

import java.util.function.Function;
import org.jooq.DSLContext;
import org.redgovernance.api.graphql.SqlStatementCounter;
import org.redgovernance.database.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only way features reach tenant tables: a transaction whose first statement hands the scope's
 * community ids and the caller's id to PostgreSQL, transaction-locally, so that row-level security
 * applies and nothing outlives the transaction on a pooled connection.
 */
@Component
public class TenantTransactions {

  private final DSLContext dsl;
  private final SqlStatementCounter statements;
  private final TransactionTemplate reads;
  private final TransactionTemplate writes;
  private final TransactionTemplate writesApart;

  TenantTransactions(
      DSLContext dsl, PlatformTransactionManager transactions, SqlStatementCounter statements) {
    this.dsl = dsl;
    this.statements = statements;
    this.reads = new TransactionTemplate(transactions);
    this.reads.setReadOnly(true);
    this.writes = new TransactionTemplate(transactions);
    this.writesApart = new TransactionTemplate(transactions);
    this.writesApart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public <T> T read(AccessScope scope, Function<DSLContext, T> work) {
    return reads.execute(status -> inContext(scope, work));
  }

  public <T> T write(AccessScope scope, Function<DSLContext, T> work) {
    return writes.execute(status -> inContext(scope, work));
  }

  /**
   * A write that commits on its own, even inside a transaction that is about to roll back: the
   * audit record of a refusal that undoes the work around it.
   */
  public <T> T writeApart(AccessScope scope, Function<DSLContext, T> work) {
    return writesApart.execute(status -> inContext(scope, work));
  }

  /**
   * Sets the context straight on the transaction's JDBC connection: through jOOQ, reading the plain
   * SQL for its placeholders and building a result nobody reads cost a twentieth of a small read's
   * CPU. It is still counted as a statement.
   */
  private <T> T inContext(AccessScope scope, Function<DSLContext, T> work) {
    dsl.connection(
        connection ->
            TenantContext.apply(connection, scope.communityIdsLiteral(), scope.caller().userId()));
    statements.executedOutsideJooq();
    return work.apply(dsl);
  }
}
