package org.redgovernance.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.redgovernance.database.DatabaseRoles;
import org.redgovernance.database.InvitationCodes;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.database.TenantContext;
import org.redgovernance.testing.TestStack;

/**
 * Reads the database behind the API's back, as the owner with every community in context, so that
 * tests can check what a request really changed.
 */
public final class Rows {

  /**
   * One connection for the whole test JVM: opening one costs about a tenth of a second here, and
   * the isolation suite reads a roster fingerprint hundreds of times.
   */
  private static Connection owner;

  private Rows() {}

  public static synchronized long count(String sql, Object... parameters) {
    try (PreparedStatement query = statement(sql, parameters);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      end(false);
    }
  }

  /** The text in the first column of the first row (null when there is no row). */
  public static synchronized String text(String sql, Object... parameters) {
    try (PreparedStatement query = statement(sql, parameters);
        ResultSet row = query.executeQuery()) {
      return row.next() ? row.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      end(false);
    }
  }

  /** The texts of the first column, row by row. */
  public static synchronized java.util.List<String> texts(String sql, Object... parameters) {
    try (PreparedStatement query = statement(sql, parameters);
        ResultSet rows = query.executeQuery()) {
      java.util.List<String> texts = new java.util.ArrayList<>();
      while (rows.next()) {
        texts.add(rows.getString(1));
      }
      return texts;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      end(false);
    }
  }

  /**
   * A notification shown in {@code userId}'s inbox in community {@code communityKey}, unread, about
   * a matter that does not exist, written as the dispatcher would: its global id.
   */
  public static String notification(String communityKey, String userId, String title) {
    String communityId = text("SELECT id::text FROM rg.community WHERE key = ?", communityKey);
    java.util.UUID intent = java.util.UUID.randomUUID();
    java.util.UUID notification = java.util.UUID.randomUUID();
    java.util.UUID subject = java.util.UUID.randomUUID();
    update(
        "INSERT INTO rg.notification_intent (community_id, id, category, kind, subject_type,"
            + " subject_id, audience, actor_id, expanded_at)"
            + " VALUES (?::uuid, ?, 'MATTERS_I_RAISED', 'MATTER_ACCEPTED', 'Matter', ?, 'REPORTER',"
            + " 'tests', now())",
        communityId,
        intent,
        subject);
    update(
        "INSERT INTO rg.notification (community_id, id, intent_id, recipient_user_id, category,"
            + " kind, subject_type, subject_id, subject_ref, link, title, body, created_at,"
            + " shown_at) VALUES (?::uuid, ?, ?, ?, 'MATTERS_I_RAISED', 'MATTER_ACCEPTED', 'Matter',"
            + " ?, 'ref', '/tests', ?, '测试通知', now(), now())",
        communityId,
        notification,
        intent,
        userId,
        subject,
        title);
    return org.redgovernance.api.graphql.GlobalId.of(
        "Notification", java.util.UUID.fromString(communityId), notification);
  }

  /** Changes rows behind the API's back, e.g. to move a matter's dates into the past. */
  public static synchronized int update(String sql, Object... parameters) {
    boolean done = false;
    try (PreparedStatement update = statement(sql, parameters)) {
      int changed = update.executeUpdate();
      done = true;
      return changed;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      end(done);
    }
  }

  /**
   * Records and announces a change as a committed mutation would (rg.announce: the change log and
   * the change channel), without the mutation.
   */
  public static synchronized void announce(
      String topic,
      java.util.UUID communityId,
      java.util.UUID subjectId,
      String kind,
      @org.jspecify.annotations.Nullable String recipient) {
    boolean done = false;
    try (PreparedStatement notify =
        statement(
            "SELECT rg.announce(?, ?, ?, ?, ?)", topic, communityId, subjectId, kind, recipient)) {
      notify.executeQuery().close();
      done = true;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      end(done);
    }
  }

  /**
   * A connection of its own as the owner, not committing, its transaction begun with every
   * community in context: for a test that holds a transaction open (a row lock) while the API
   * works.
   */
  public static Connection ownTransaction() throws SQLException {
    Connection connection =
        DriverManager.getConnection(
            TestStack.get().jdbcUrl(), DatabaseRoles.OWNER, LocalPostgres.OWNER_PASSWORD);
    connection.setAutoCommit(false);
    enterEveryCommunity(connection);
    return connection;
  }

  private static void enterEveryCommunity(Connection connection) throws SQLException {
    connection
        .createStatement()
        .executeQuery(
            "SELECT set_config('"
                + TenantContext.COMMUNITY_IDS
                + "', (SELECT array_agg(id)::text FROM rg.community), true)")
        .close();
  }

  /** The statement in a new transaction as the owner, with every community in context. */
  private static PreparedStatement statement(String sql, Object... parameters) throws SQLException {
    if (owner == null || owner.isClosed()) {
      owner =
          DriverManager.getConnection(
              TestStack.get().jdbcUrl(), DatabaseRoles.OWNER, LocalPostgres.OWNER_PASSWORD);
      owner.setAutoCommit(false);
    }
    enterEveryCommunity(owner);
    PreparedStatement statement = owner.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }

  /** Commits what was done, or rolls back (reads, failures); a broken connection is dropped. */
  private static void end(boolean commit) {
    try {
      if (commit) {
        owner.commit();
      } else {
        owner.rollback();
      }
    } catch (SQLException | RuntimeException e) {
      owner = null;
    }
  }

  public static long notices(String communityKey) {
    return count(
        "SELECT count(*) FROM rg.notice n JOIN rg.community c ON c.id = n.community_id"
            + " WHERE c.key = ?",
        communityKey);
  }

  public static long auditEvents(String action) {
    return count("SELECT count(*) FROM rg.audit_event WHERE action = ?", action);
  }

  /**
   * An invitation into {@code communityKey} as tenant-admin records it, with {@code code}, valid
   * for a day, under the id given; the rows written (1 for a known community).
   */
  public static int invitation(String id, String communityKey, String role, String code) {
    return update(
        "INSERT INTO rg.community_invitation (community_id, id, role, channel, sent_to,"
            + " invitee_name, code_digest, expires_at, invited_by_id, invited_by_name)"
            + " SELECT c.id, ?::uuid, ?, 'EMAIL', 'x***@example.org', '', ?,"
            + " now() + interval '1 day', 'test', 'test' FROM rg.community c WHERE c.key = ?",
        id,
        role,
        InvitationCodes.digest(code),
        communityKey);
  }

  /** Removes an invitation {@link #invitation} planted, with what became of it. */
  public static void forgetInvitation(String id) {
    update("DELETE FROM rg.invitation_event WHERE invitation_id = ?::uuid", id);
    update("DELETE FROM rg.community_invitation WHERE id = ?::uuid", id);
  }
}
