package org.redgovernance.api.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record1;
import org.jooq.Select;
import org.redgovernance.api.tenancy.TenantTransactions;

/**
 * The statement of a compiled read as it is sent: built by jOOQ and rendered when it runs, or
 * rendered once into its text and the values bound into it, which {@link ReadPlans} keeps and sends
 * again with no jOOQ in between.
 */
sealed interface ReadStatement {

  /**
   * The one JSON value the statement writes, as the UTF-8 bytes PostgreSQL sent (none: no row), in
   * the tenant transaction {@code dsl} runs in; when {@code last}, the transaction's last
   * statement, which may carry its commit.
   */
  Optional<byte[]> fetchWritten(DSLContext dsl, TenantTransactions transactions, boolean last);

  /** The statement as text and values ({@code dsl} renders it); empty when it cannot be bound. */
  Optional<Prepared> prepared(DSLContext dsl);

  /** A statement jOOQ renders and sends. */
  record Built(Select<Record1<JSON>> select) implements ReadStatement {

    @Override
    public Optional<byte[]> fetchWritten(
        DSLContext dsl, TenantTransactions transactions, boolean last) {
      // jOOQ sends it alone; the transaction commits after it, as it would anyway
      return RenderedJson.fetchWritten(dsl, select);
    }

    @Override
    public Optional<Prepared> prepared(DSLContext dsl) {
      return Prepared.of(dsl, select);
    }
  }

  /**
   * A statement's text with its values, sent on the transaction's connection as it is: rendering a
   * page of residents with its households, buildings and grids again costs more CPU than PostgreSQL
   * takes to run it.
   */
  record Prepared(String sql, List<Object> values)
      implements ReadStatement, TenantTransactions.OneStatement<Optional<byte[]>> {

    public Prepared {
      values = List.copyOf(values);
    }

    /**
     * {@code select} as jOOQ renders it for {@code dsl}, with its bound values in order; empty when
     * a value is null or of a kind this class does not bind as jOOQ would.
     */
    static Optional<Prepared> of(DSLContext dsl, Select<Record1<JSON>> select) {
      List<Object> values = dsl.extractBindValues(select);
      for (Object value : values) {
        if (!bindable(value)) {
          return Optional.empty();
        }
      }
      return Optional.of(new Prepared(dsl.render(select), values));
    }

    @Override
    public Optional<byte[]> fetchWritten(
        DSLContext dsl, TenantTransactions transactions, boolean last) {
      return last ? transactions.readLastIn(dsl, sql, this) : transactions.readIn(dsl, sql, this);
    }

    @Override
    public Optional<Prepared> prepared(DSLContext dsl) {
      return Optional.of(this);
    }

    @Override
    public void bind(Connection connection, PreparedStatement statement, int first)
        throws SQLException {
      for (int i = 0; i < values.size(); i++) {
        bind(connection, statement, first + i, values.get(i));
      }
    }

    @Override
    public Optional<byte[]> read(ResultSet row) throws SQLException {
      // the driver hands a text column over as its UTF-8 bytes, as they came
      return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
    }

    /** Whether {@code other} sends the same text with the same values (arrays by content). */
    boolean sameAs(ReadStatement other) {
      if (!(other instanceof Prepared prepared)
          || !sql.equals(prepared.sql)
          || values.size() != prepared.values.size()) {
        return false;
      }
      for (int i = 0; i < values.size(); i++) {
        if (!java.util.Objects.deepEquals(values.get(i), prepared.values.get(i))) {
          return false;
        }
      }
      return true;
    }

    private static boolean bindable(Object value) {
      return value instanceof String
          || value instanceof UUID
          || value instanceof UUID[]
          || value instanceof String[]
          || value instanceof OffsetDateTime
          || value instanceof LocalDate
          || value instanceof Integer
          || value instanceof Long
          || value instanceof Boolean;
    }

    /** Binds one value with the type jOOQ gives it, so that the statement reads as jOOQ's does. */
    private static void bind(Connection connection, PreparedStatement statement, int at, Object v)
        throws SQLException {
      if (v instanceof String text) {
        statement.setString(at, text);
      } else if (v instanceof UUID[] ids) {
        statement.setArray(at, connection.createArrayOf("uuid", ids));
      } else if (v instanceof String[] texts) {
        statement.setArray(at, connection.createArrayOf("varchar", texts));
      } else if (v instanceof Integer number) {
        statement.setInt(at, number);
      } else if (v instanceof Long number) {
        statement.setLong(at, number);
      } else if (v instanceof Boolean truth) {
        statement.setBoolean(at, truth);
      } else {
        // uuid, timestamptz and date: the driver sends each with its own type
        statement.setObject(at, v);
      }
    }
  }
}
