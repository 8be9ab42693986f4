package org.redgovernance.monitoring;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.sql.SQLException;
import java.util.Locale;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * A span per SQL statement sent to PostgreSQL ({@code rg.sql.statement}, and its timer): named by
 * the statement's verb, with the statement's text — placeholders, never the values bound — as a
 * span attribute only (never a metric label). It is a child of the span of the request or job that
 * sent it, so a trace shows which statements a slow operation waited for. jOOQ's statements are
 * seen as a listener; the few sent on the JDBC connection itself (a kept read plan) through {@link
 * #observe}.
 */
public final class StatementObservations implements ExecuteListener {

  static final String NAME = "rg.sql.statement";
  private static final int MAX_TEXT = 2_000;
  private static final String KEY = StatementObservations.class.getName();

  private final ObservationRegistry registry;

  public StatementObservations(ObservationRegistry registry) {
    this.registry = registry;
  }

  /** A statement sent without jOOQ, observed from sending to its first rows. */
  public <T> T observe(String sql, Sending<T> sending) throws SQLException {
    Observation observation = start(sql);
    try {
      return sending.send();
    } catch (SQLException | RuntimeException e) {
      observation.error(e);
      throw e;
    } finally {
      observation.stop();
    }
  }

  /** Sends a statement on a JDBC connection. */
  @FunctionalInterface
  public interface Sending<T> {
    T send() throws SQLException;
  }

  @Override
  public void executeStart(ExecuteContext context) {
    if (!registry.isNoop()) {
      context.data(KEY, start(context.sql()));
    }
  }

  @Override
  public void executeEnd(ExecuteContext context) {
    if (context.data(KEY) instanceof Observation observation) {
      if (context.exception() != null) {
        observation.error(context.exception());
      }
      observation.stop();
    }
  }

  private Observation start(String sql) {
    String text = sql == null ? "" : sql.strip();
    return Observation.createNotStarted(NAME, registry)
        .contextualName(verb(text))
        .lowCardinalityKeyValue("db.system", "postgresql")
        .highCardinalityKeyValue(
            "db.query.text", text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text)
        .start();
  }

  private static String verb(String sql) {
    int end = 0;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    return end == 0 ? "sql" : sql.substring(0, end).toLowerCase(Locale.ROOT);
  }
}
