package org.redgovernance.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mirror of who holds which community role, as platform-api relies on it to tell admins what
 * only they must hear and to tell a person of a role granted to them: written with each grant and
 * revocation tenant-admin makes (the grant with its notification intent), and set right from
 * Keycloak for changes made elsewhere.
 */
class RoleMirrorIntegrationTests extends TenantAdminTest {

  private static final String RESIDENT_ID = "d3e00000-0000-4000-8000-000000000008";
  private static final String ADMIN_ID = "d3e00000-0000-4000-8000-000000000005";
  private static final String CHANGE =
      "mutation($user: String!, $role: CommunityRole!) {"
          + " %s(input: {communityKey: \"baiguoshu\", username: $user, role: $role})"
          + " { errors { code } } }";

  @Autowired RoleMirrorSync sync;

  @Test
  void aGrant_isMirroredAndTellsThePerson_onceAndARevocationTakesItBack() throws SQLException {
    try {
      assertThat(change("grantCommunityRole").data("grantCommunityRole.errors").size()).isZero();
      assertThat(holds(RESIDENT_ID, "OWNER_REP")).isEqualTo(1);
      assertThat(
              count(
                  "SELECT count(*) FROM rg.notification_intent i JOIN rg.community_role_holder h"
                      + " ON h.community_id = i.community_id AND h.id = i.subject_id"
                      + " WHERE h.user_id = ? AND h.role = 'OWNER_REP'"
                      + " AND i.kind = 'COMMUNITY_ROLE_GRANTED' AND i.audience = 'HOLDER'"
                      + " AND i.actor_id = ?",
                  RESIDENT_ID,
                  ADMIN_ID))
          .as("the person is told, by the admin who granted it")
          .isEqualTo(1);

      assertThat(change("grantCommunityRole").data("grantCommunityRole.errors").size()).isZero();
      assertThat(
              count(
                  "SELECT count(*) FROM rg.notification_intent i JOIN rg.community_role_holder h"
                      + " ON h.community_id = i.community_id AND h.id = i.subject_id"
                      + " WHERE h.user_id = ? AND h.role = 'OWNER_REP'",
                  RESIDENT_ID))
          .as("granting a role held already tells nobody again")
          .isEqualTo(1);
    } finally {
      change("revokeCommunityRole");
    }
    assertThat(holds(RESIDENT_ID, "OWNER_REP")).isZero();
  }

  @Test
  void theMirror_isSetRightFromKeycloak_forChangesMadeElsewhere() throws SQLException {
    execute(
        "DELETE FROM rg.community_role_holder h USING rg.community c"
            + " WHERE c.id = h.community_id AND c.key = 'baiguoshu' AND h.role = 'ADMIN'");
    execute(
        "INSERT INTO rg.community_role_holder (community_id, user_id, role)"
            + " SELECT id, 'someone-keycloak-never-had', 'SECRETARY' FROM rg.community"
            + " WHERE key = 'baiguoshu'");
    assertThat(holds(ADMIN_ID, "ADMIN")).isZero();

    assertThat(sync.syncAll()).isGreaterThanOrEqualTo(2);

    assertThat(holds(ADMIN_ID, "ADMIN")).isEqualTo(1);
    assertThat(holds("someone-keycloak-never-had", "SECRETARY")).isZero();
    assertThat(sync.syncAll()).as("nothing left to set right").isZero();
  }

  // --- helpers

  private GraphQlResult change(String mutation) {
    GraphQlResult result =
        graphql
            .query(CHANGE.formatted(mutation))
            .as("baiguoshu.admin")
            .variable("user", "baiguoshu.resident")
            .variable("role", "OWNER_REP")
            .execute();
    assertThat(result.hasErrors()).as("%s", result).isFalse();
    return result;
  }

  private static long holds(String userId, String role) throws SQLException {
    return count(
        "SELECT count(*) FROM rg.community_role_holder h JOIN rg.community c"
            + " ON c.id = h.community_id WHERE c.key = 'baiguoshu' AND h.user_id = ? AND h.role = ?",
        userId,
        role);
  }

  private static long count(String sql, String... parameters) throws SQLException {
    try (Connection owner = owner()) {
      owner.setAutoCommit(false);
      enterEveryCommunity(owner);
      try (PreparedStatement statement = owner.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          statement.setString(i + 1, parameters[i]);
        }
        try (ResultSet row = statement.executeQuery()) {
          row.next();
          return row.getLong(1);
        } finally {
          owner.rollback();
        }
      }
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection owner = owner()) {
      owner.setAutoCommit(false);
      enterEveryCommunity(owner);
      owner.createStatement().execute(sql);
      owner.commit();
    }
  }
}
