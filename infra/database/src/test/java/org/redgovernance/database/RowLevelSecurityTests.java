package org.redgovernance.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database wall on its own: raw SQL as platform-api's runtime role, with no application code in
 * between. Even a bug in the application must not let a row of community B reach a request scoped
 * to community A.
 */
class RowLevelSecurityTests {

  private static final UUID STREET = Ids.newId();
  private static final UUID A = Ids.newId();
  private static final UUID B = Ids.newId();
  private static final UUID NOTICE_OF_A = Ids.newId();
  private static final UUID NOTICE_OF_B = Ids.newId();

  private static LocalPostgres postgres;

  @BeforeAll
  static void twoCommunitiesWithANoticeEach() throws SQLException {
    postgres = SharedTestDatabase.get();
    try (Connection owner = postgres.connectAsOwner()) {
      owner.setAutoCommit(false);
      String suffix = STREET.toString().substring(30);
      execute(
          owner,
          "INSERT INTO rg.street (id, key, name) VALUES (?, ?, 'Street')",
          STREET,
          "rls-street-" + suffix);
      execute(
          owner,
          "INSERT INTO rg.community (id, key, name, street_id) VALUES (?, ?, 'A', ?), (?, ?, 'B', ?)",
          A,
          "rls-a-" + suffix,
          STREET,
          B,
          "rls-b-" + suffix,
          STREET);
      setContext(owner, List.of(A, B));
      insertNotice(owner, A, NOTICE_OF_A);
      insertNotice(owner, B, NOTICE_OF_B);
      owner.commit();
    }
  }

  @Test
  void withCommunityASet_readsOnlyRowsOfA() throws SQLException {
    try (Connection api = transactionAsApi()) {
      setContext(api, List.of(A));
      assertThat(noticeIds(api)).containsExactly(NOTICE_OF_A);
      assertThat(count(api, "SELECT count(*) FROM rg.community WHERE id = '" + B + "'")).isZero();
      api.rollback();
    }
  }

  @Test
  void withCommunityASet_cannotInsertARowOfB() throws SQLException {
    try (Connection api = transactionAsApi()) {
      setContext(api, List.of(A));
      assertThatThrownBy(() -> insertNotice(api, B, Ids.newId()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("row-level security");
      api.rollback();
    }
  }

  @Test
  void withCommunityASet_cannotUpdateOrMoveRowsOfB() throws SQLException {
    try (Connection api = transactionAsApi()) {
      setContext(api, List.of(A));
      assertThat(update(api, "UPDATE rg.notice SET title = 'taken' WHERE id = ?", NOTICE_OF_B))
          .isZero();
      assertThatThrownBy(
              () ->
                  update(
                      api,
                      "UPDATE rg.notice SET community_id = '" + B + "' WHERE id = ?",
                      NOTICE_OF_A))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("row-level security");
      api.rollback();
    }
  }

  @Test
  void withNothingSet_seesZeroRows() throws SQLException {
    try (Connection api = transactionAsApi()) {
      assertThat(count(api, "SELECT count(*) FROM rg.notice")).isZero();
      assertThat(count(api, "SELECT count(*) FROM rg.community")).isZero();
      api.rollback();
    }
  }

  @Test
  void aPooledConnectionReusedAfterATransactionOfA_seesNothingOfA() throws SQLException {
    try (Connection api = transactionAsApi()) {
      setContext(api, List.of(A));
      assertThat(noticeIds(api)).containsExactly(NOTICE_OF_A);
      api.commit();

      // The next request on the same physical connection sets no context of its own.
      assertThat(count(api, "SELECT count(*) FROM rg.notice")).isZero();
      assertThat(count(api, "SELECT count(*) FROM rg.community")).isZero();
      api.rollback();
    }
  }

  @Test
  void theApiRole_cannotSwitchOffRowLevelSecurity() throws SQLException {
    try (Connection api = transactionAsApi()) {
      api.createStatement().execute("SET LOCAL row_security = off");
      assertThatThrownBy(() -> count(api, "SELECT count(*) FROM rg.notice"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("row-level security");
      api.rollback();
    }
    try (Connection api = transactionAsApi()) {
      assertThatThrownBy(
              () ->
                  api.createStatement().execute("ALTER TABLE rg.notice DISABLE ROW LEVEL SECURITY"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("must be owner");
      api.rollback();
    }
  }

  @Test
  void theTenantContext_isReadOncePerStatementNotPerRow() throws SQLException {
    try (Connection api = transactionAsApi()) {
      setContext(api, List.of(A));
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows = api.createStatement().executeQuery("EXPLAIN SELECT * FROM rg.notice")) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
      assertThat(plan.toString()).contains("InitPlan");
      api.rollback();
    }
  }

  @Test
  void theScopeResolver_answersOnlyForTheKeysItIsGiven() throws SQLException {
    try (Connection api = transactionAsApi()) {
      PreparedStatement query =
          api.prepareStatement("SELECT id FROM rg.resolve_scope(false, '{}', ?)");
      query.setArray(
          1, api.createArrayOf("text", new Object[] {"rls-a-" + STREET.toString().substring(30)}));
      try (ResultSet rows = query.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getObject(1)).isEqualTo(A);
        assertThat(rows.next()).isFalse();
      }
      api.rollback();
    }
  }

  private static Connection transactionAsApi() throws SQLException {
    Connection api = postgres.connectAsApi();
    api.setAutoCommit(false);
    return api;
  }

  private static void setContext(Connection connection, List<UUID> communities)
      throws SQLException {
    try (PreparedStatement set = connection.prepareStatement(TenantContext.SET_SQL)) {
      set.setString(1, TenantContext.communityIdsLiteral(communities));
      set.setString(2, "test-user");
      set.executeQuery().close();
    }
  }

  private static void insertNotice(Connection connection, UUID community, UUID id)
      throws SQLException {
    execute(
        connection,
        "INSERT INTO rg.notice (community_id, id, title, body, author_id, author_name)"
            + " VALUES (?, ?, 'Title', 'Body', 'u', 'U')",
        community,
        id);
  }

  private static List<UUID> noticeIds(Connection connection) throws SQLException {
    try (ResultSet rows =
        connection.createStatement().executeQuery("SELECT id FROM rg.notice ORDER BY id")) {
      List<UUID> ids = new java.util.ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getObject(1, UUID.class));
      }
      return ids;
    }
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static int update(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }

  private static void execute(Connection connection, String sql, Object... parameters)
      throws SQLException {
    update(connection, sql, parameters);
  }
}
