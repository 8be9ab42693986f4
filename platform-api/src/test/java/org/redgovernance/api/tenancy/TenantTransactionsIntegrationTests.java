package org.redgovernance.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.SqlStatementCounter;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.security.StreetRole;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.database.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A tenant transaction's context goes with its first statement: in the same round trip for a read
 * sent at once, a write ({@link TenantTransactions#fetchIn}) or a read-back ({@link
 * TenantTransactions#readIn}); just before any other statement. It holds for the transaction and
 * for nothing after it, on every connection of the pool, whether the work succeeds or fails.
 */
class TenantTransactionsIntegrationTests extends IntegrationTest {

  private static final String SETTINGS =
      "select current_setting('rg.community_ids', true) || ' ' ||"
          + " current_setting('rg.user_id', true) || ' ' || current_setting('transaction_read_only')";

  @Autowired TenantTransactions transactions;
  @Autowired DataSource connections;
  @Autowired SqlStatementCounter statements;

  private final AccessScope scope = scope();
  private final AccessScope other = scope();

  @Test
  void aReadAtOnce_runsWithItsContext_readOnly() {
    assertThat(transactions.readAtOnce(scope, SETTINGS, text()))
        .isEqualTo(scope.communityIdsLiteral() + " reader-1 on");
    assertThat(pooledSettings()).allMatch(String::isEmpty);
  }

  @Test
  void aReadAtOnce_mayWriteNothing() {
    assertThatThrownBy(
            () ->
                transactions.readAtOnce(
                    scope, "update rg.community set name = name returning name", text()))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("read-only transaction");
    assertThat(pooledSettings()).allMatch(String::isEmpty);
  }

  @Test
  void aFailedReadAtOnce_leavesEveryPooledConnectionIdleAndWithoutContext() {
    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(() -> transactions.readAtOnce(scope, "select (1 / 0)::text", text()))
          .isInstanceOf(DataAccessException.class);
    }

    assertThat(pooledSettings()).allMatch(String::isEmpty);
  }

  @Test
  void aReadAtOnce_insideATransaction_runsInThatTransaction() {
    String seen =
        transactions.write(
            scope,
            dsl -> {
              dsl.fetch("select set_config('rg.test', 'outer', true)");
              return transactions.readAtOnce(
                  scope, "select current_setting('rg.test', true)", text());
            });

    assertThat(seen).isEqualTo("outer");
  }

  @Test
  void aTransactionsFirstWrite_carriesItsContext_inTheSameRoundTrip() {
    String seen = transactions.write(scope, dsl -> writtenSettings(dsl));

    assertThat(seen).isEqualTo(scope.communityIdsLiteral() + " reader-1 off");
    // one text, one execution: context and write before one Sync
    assertThat(statements.lastSql()).startsWith(TenantContext.SET_SQL + ";").endsWith(SETTINGS);
    assertThat(pooledSettings()).allMatch(String::isEmpty);
  }

  @Test
  void aTransactionsFirstReadBack_carriesItsContext_inTheSameRoundTrip() {
    String seen = transactions.write(scope, dsl -> transactions.readIn(dsl, SETTINGS, text()));

    assertThat(seen).isEqualTo(scope.communityIdsLiteral() + " reader-1 off");
    assertThat(pooledSettings()).allMatch(String::isEmpty);
  }

  @Test
  void
      theLastReadOfItsOwnTransaction_carriesTheCommit_andAStatementAfterItBeginsAnotherWithItsContext() {
    List<String> seen =
        transactions.write(
            scope,
            dsl -> {
              String before = transaction(dsl);
              String read = transactions.readLastIn(dsl, SETTINGS, text());
              return List.of(before, read, status(dsl, before), transaction(dsl), settings(dsl));
            });

    String mine = scope.communityIdsLiteral() + " reader-1 off";
    assertThat(seen.get(1)).isEqualTo(mine);
    assertThat(seen.get(2)).isEqualTo("committed");
    assertThat(seen.get(3)).isNotEqualTo(seen.get(0));
    assertThat(seen.get(4)).isEqualTo(mine);
    assertThat(pooledSettings()).allMatch(String::isEmpty);
  }

  @Test
  void theLastReadOfAJoinedTransaction_leavesTheCommitToTheTransactionsOwner() {
    List<String> seen =
        transactions.write(
            scope,
            dsl -> {
              String before = transaction(dsl);
              transactions.read(scope, joined -> transactions.readLastIn(joined, SETTINGS, text()));
              return List.of(before, status(dsl, before), transaction(dsl));
            });

    assertThat(seen.get(1)).isEqualTo("in progress");
    assertThat(seen.get(2)).isEqualTo(seen.get(0));
  }

  @Test
  void anyOtherFirstStatement_hasTheContextSetJustBefore_once() {
    long before = statements.total();
    List<String> seen =
        transactions.write(
            scope,
            dsl -> {
              String first = settings(dsl);
              String second = writtenSettings(dsl);
              return List.of(first, second);
            });

    String expected = scope.communityIdsLiteral() + " reader-1 off";
    assertThat(seen).containsExactly(expected, expected);
    assertThat(statements.lastSql()).isEqualTo(SETTINGS);
    assertThat(statements.total() - before).isEqualTo(3);
  }

  @Test
  void aTransactionThatSendsNothing_sendsNoContext() {
    long before = statements.total();

    String answer = transactions.write(scope, dsl -> "nothing sent");

    assertThat(answer).isEqualTo("nothing sent");

    assertThat(statements.total()).isEqualTo(before);
  }

  @Test
  void aTransactionApart_hasItsOwnContext_andTheOneItInterruptsKeepsItsOwn() {
    List<String> seen =
        transactions.write(
            scope,
            dsl -> {
              String apart = transactions.writeApart(other, inner -> writtenSettings(inner));
              String outer = settings(dsl);
              String apartAgain = transactions.writeApart(other, inner -> settings(inner));
              return List.of(apart, outer, apartAgain, settings(dsl));
            });

    String mine = scope.communityIdsLiteral() + " reader-1 off";
    String its = other.communityIdsLiteral() + " reader-1 off";
    assertThat(seen).containsExactly(its, mine, its, mine);
    assertThat(pooledSettings()).allMatch(String::isEmpty);
  }

  @Test
  void aFailedFirstWrite_leavesEveryPooledConnectionIdleAndWithoutContext() {
    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(
              () ->
                  transactions.write(
                      scope,
                      dsl -> transactions.fetchIn(dsl, dsl.resultQuery("select (1 / 0)::text"))))
          .isInstanceOf(org.springframework.dao.DataAccessException.class)
          .hasMessageContaining("division by zero");
    }

    assertThat(pooledSettings()).allMatch(String::isEmpty);
  }

  /** The id of the transaction running, assigned if it had none. */
  private static String transaction(DSLContext dsl) {
    return dsl.fetchOne("select txid_current()::text").get(0, String.class);
  }

  /** What PostgreSQL says of transaction {@code id}: in progress, committed, aborted. */
  private static String status(DSLContext dsl, String id) {
    return dsl.fetchOne("select txid_status(?::bigint)", id).get(0, String.class);
  }

  /** The settings, read by the transaction's statement as jOOQ sends any other. */
  private static String settings(DSLContext dsl) {
    return dsl.fetchOne(SETTINGS).get(0, String.class);
  }

  /** The settings, read as a write is sent. */
  private String writtenSettings(DSLContext dsl) {
    return transactions.fetchIn(dsl, dsl.resultQuery(SETTINGS)).get(0).get(0, String.class);
  }

  /** What every connection of the pool holds: each taken at once, so none is counted twice. */
  private List<String> pooledSettings() {
    List<Connection> taken = new ArrayList<>();
    List<String> settings = new ArrayList<>();
    try {
      int pooled = connections.unwrap(HikariDataSource.class).getMaximumPoolSize();
      for (int i = 0; i < pooled; i++) {
        Connection connection = connections.getConnection();
        taken.add(connection);
        assertThat(connection.getAutoCommit()).isTrue();
        try (PreparedStatement statement =
                connection.prepareStatement(
                    "select coalesce(current_setting('rg.community_ids', true), '')"
                        + " || coalesce(current_setting('rg.user_id', true), '')");
            ResultSet rows = statement.executeQuery()) {
          rows.next();
          settings.add(rows.getString(1));
        }
      }
      return settings;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      for (Connection connection : taken) {
        try {
          connection.close();
        } catch (SQLException e) {
          // returned to the pool as it is
        }
      }
    }
  }

  private static TenantTransactions.OneStatement<String> text() {
    return new TenantTransactions.OneStatement<>() {
      @Override
      public void bind(Connection connection, PreparedStatement statement, int first) {}

      @Override
      public String read(ResultSet rows) throws SQLException {
        rows.next();
        return rows.getString(1);
      }
    };
  }

  private static AccessScope scope() {
    ReachableCommunity community =
        new ReachableCommunity(
            UUID.randomUUID(),
            "somewhere",
            "某社区",
            CommunityStatus.ACTIVE,
            UUID.randomUUID(),
            "street",
            "街道",
            Set.of(),
            Set.of(StreetRole.VIEWER),
            false);
    return new AccessScope(
        new Caller("reader-1", "reader", "Reader", false, Map.of(), Map.of()), List.of(community));
  }
}
