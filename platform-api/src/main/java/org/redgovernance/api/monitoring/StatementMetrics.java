package org.redgovernance.api.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.redgovernance.api.graphql.SqlStatementCounter;
import org.springframework.stereotype.Component;

/**
 * {@code rg.sql.statements}: the statements sent to PostgreSQL. Divided by the operations' count
 * over the same window, it is the statements per request, which stays flat unless a screen started
 * to query per row.
 */
@Component
class StatementMetrics {

  StatementMetrics(MeterRegistry registry, SqlStatementCounter statements) {
    FunctionCounter.builder("rg.sql.statements", statements, SqlStatementCounter::total)
        .description("SQL statements sent to PostgreSQL")
        .register(registry);
  }
}
