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
 * The database wall of a street's own objects (a rollout project) on its own, as platform-api's
 * runtime role: a street's rows show through a community of that street in the tenant context, and
 * no other; and a community takes part only in its own street's projects.
 */
class StreetRowLevelSecurityTests {

  private static final UUID NORTH = Ids.newId();
  private static final UUID SOUTH = Ids.newId();
  private static final UUID OF_NORTH = Ids.newId();
  private static final UUID OF_SOUTH = Ids.newId();
  private static final UUID PROJECT_OF_NORTH = Ids.newId();
  private static final UUID PROJECT_OF_SOUTH = Ids.newId();

  private static LocalPostgres postgres;

  @BeforeAll
  static void twoStreetsWithAProjectEach() throws SQLException {
    postgres = SharedTestDatabase.get();
    String suffix = NORTH.toString().substring(30);
    try (Connection owner = postgres.connectAsOwner()) {
      owner.setAutoCommit(false);
      execute(
          owner,
          "INSERT INTO rg.street (id, key, name) VALUES (?, ?, 'North'), (?, ?, 'South')",
          NORTH,
          "north-" + suffix,
          SOUTH,
          "south-" + suffix);
      execute(
          owner,
          "INSERT INTO rg.community (id, key, name, street_id) VALUES (?, ?, 'N', ?), (?, ?, 'S', ?)",
          OF_NORTH,
          "n-" + suffix,
          NORTH,
          OF_SOUTH,
          "s-" + suffix,
          SOUTH);
      setContext(owner, List.of(OF_NORTH, OF_SOUTH));
      insertProject(owner, NORTH, PROJECT_OF_NORTH);
      insertProject(owner, SOUTH, PROJECT_OF_SOUTH);
      owner.commit();
    }
  }

  @Test
  void throughACommunityOfTheNorth_onlyTheNorthsProjectShows() throws SQLException {
    try (Connection api = asApi()) {
      setContext(api, List.of(OF_NORTH));
      assertThat(projects(api)).containsExactly(PROJECT_OF_NORTH);
      api.rollback();
    }
  }

  @Test
  void throughNoCommunity_noProjectShows() throws SQLException {
    try (Connection api = asApi()) {
      assertThat(projects(api)).isEmpty();
      api.rollback();
    }
  }

  @Test
  void throughACommunityOfTheNorth_noProjectOfTheSouthIsMadeOrChanged() throws SQLException {
    try (Connection api = asApi()) {
      setContext(api, List.of(OF_NORTH));
      assertThatThrownBy(() -> insertProject(api, SOUTH, Ids.newId()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("row-level security");
      api.rollback();
      setContext(api, List.of(OF_NORTH));
      try (PreparedStatement update =
          api.prepareStatement("UPDATE rg.rollout_project SET name = 'taken' WHERE id = ?")) {
        update.setObject(1, PROJECT_OF_SOUTH);
        assertThat(update.executeUpdate()).isZero();
      }
      api.rollback();
    }
  }

  @Test
  void aCommunity_takesNoPartInAnotherStreetsProject() throws SQLException {
    try (Connection api = asApi()) {
      setContext(api, List.of(OF_NORTH, OF_SOUTH));
      assertThatThrownBy(
              () ->
                  execute(
                      api,
                      "INSERT INTO rg.rollout_participant (community_id, id, street_id, project_id,"
                          + " stage, stage_on) VALUES (?, ?, ?, ?, 'PLANNED', current_date)",
                      OF_SOUTH,
                      Ids.newId(),
                      NORTH,
                      PROJECT_OF_NORTH))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("foreign key");
      api.rollback();
    }
  }

  private static Connection asApi() throws SQLException {
    Connection api = postgres.connectAsApi();
    api.setAutoCommit(false);
    return api;
  }

  private static void insertProject(Connection connection, UUID street, UUID id)
      throws SQLException {
    execute(
        connection,
        "INSERT INTO rg.rollout_project (street_id, id, name, owner_name, starts_on, target_on)"
            + " VALUES (?, ?, 'Project', 'Owner', current_date, current_date)",
        street,
        id);
  }

  private static List<UUID> projects(Connection connection) throws SQLException {
    List<UUID> ids = new java.util.ArrayList<>();
    try (ResultSet rows =
        connection
            .createStatement()
            .executeQuery(
                "SELECT id FROM rg.rollout_project WHERE street_id IN ('"
                    + NORTH
                    + "', '"
                    + SOUTH
                    + "') ORDER BY street_id = '"
                    + SOUTH
                    + "'")) {
      while (rows.next()) {
        ids.add(rows.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  private static void setContext(Connection connection, List<UUID> communities)
      throws SQLException {
    TenantContext.apply(connection, communities, "tester");
  }

  private static void execute(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.execute();
    }
  }
}
