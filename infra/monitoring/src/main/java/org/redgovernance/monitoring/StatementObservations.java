package org.redgovernance.monitoring;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.sql.SQLException;
import java.util.Locale;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jspecify.annotations.Nullable;

/**
 * A span per SQL statement sent to PostgreSQL ({@code rg.sql.statement}, and its timer): named by
 * the statement's verb, with the statement's text — placeholders, never the values bound — as a
 * span attribute only (never a metric label). It is a child of the span of the request or job that
 * sent it, so a trace shows which statements a slow operation waited for. jOOQ's statements are
 * seen as a listener; the few sent on the JDBC connection itself (a kept read plan) through {@link
 * #observe}. Only statements of a sampled trace are observed: a span of the unsampled 95 % is never
 * exported, and observing every statement cost about 5 % of a small read's throughput (the
 * benchmark's node and buildings queries, with tracing on and off).
 */
public final class StatementObservations implements ExecuteListener {

  static final String NAME = "rg.sql.statement";
  private static final int MAX_TEXT = 2_000;
  private static final String KEY = StatementObservations.class.getName();

  private final ObservationRegistry registry;
  private final @Nullable Tracer tracer;

  /** Observes the statements of sampled traces of {@code tracer}'s (null: no tracing, none). */
  public StatementObservations(ObservationRegistry registry, @Nullable Tracer tracer) {
    this.registry = registry;
    this.tracer = tracer;
  }

  /** A statement sent without jOOQ, observed from sending to its first rows. */
  public <T> T observe(String sql, Sending<T> sending) throws SQLException {
    if (!sampled()) {
      return sending.send();
    }
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
    if (sampled()) {
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

  /** Whether the statement belongs to a trace that will be exported. */
  private boolean sampled() {
    if (tracer == null || registry.isNoop()) {
      return false;
    }
    Span current = tracer.currentSpan();
    return current != null && Boolean.TRUE.equals(current.context().sampled());
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
