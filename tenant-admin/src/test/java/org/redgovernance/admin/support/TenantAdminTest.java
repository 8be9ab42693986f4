package org.redgovernance.admin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.redgovernance.admin.TenantAdminApplication;
import org.redgovernance.database.DatabaseRoles;
import org.redgovernance.database.Ids;
import org.redgovernance.database.InvitationCodes;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.TestStack;
import org.redgovernance.testing.TestStackInfo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tenant-admin's integration tests: the service on a random port with its own database role
 * and its own Keycloak service account, against the build's shared PostgreSQL and Keycloak.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + TenantAdminApplication.CONFIG_NAME,
      "rg.sms.outbox=target/sms-outbox",
      // contexts cached side by side in one test JVM: each its own management port
      "management.server.port=0",
      // the tests set the role mirror right themselves, when they want to (RoleMirrorSync.syncAll)
      "rg.roles.sync-enabled=false",
      "spring.graphql.cors.allowed-origins=http://localhost:5173"
    })
public abstract class TenantAdminTest {

  /** Where the tests' stand-in SMS gateway keeps the text messages it "sends". */
  protected static final Path SMS_OUTBOX = Path.of("target/sms-outbox").toAbsolutePath();

  @LocalServerPort protected int port;

  protected GraphQlHttp graphql;

  @DynamicPropertySource
  static void stack(DynamicPropertyRegistry properties) {
    TestStackInfo stack = TestStack.get();
    properties.add("spring.datasource.url", stack::jdbcUrl);
    properties.add("spring.datasource.username", () -> DatabaseRoles.ADMIN);
    properties.add("spring.datasource.password", () -> LocalPostgres.ADMIN_PASSWORD);
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", stack::issuer);
    properties.add("rg.keycloak.client-secret", () -> "rg-tenant-admin-dev-secret");
    properties.add("spring.mail.host", () -> "127.0.0.1");
    properties.add("spring.mail.port", stack::mailPort);
  }

  @BeforeEach
  void client() {
    graphql = new GraphQlHttp(port);
  }

  /**
   * A fresh community on the street with the given status and no data, straight into the registry
   * as its owner would; its key starts with {@code prefix}.
   */
  protected static String newCommunity(String prefix, String street, String status) {
    String key = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection owner = owner();
        PreparedStatement insert =
            owner.prepareStatement(
                "INSERT INTO rg.community (id, key, name, street_id, status)"
                    + " SELECT ?, ?, ?, s.id, ? FROM rg.street s WHERE s.key = ?")) {
      insert.setObject(1, Ids.newId());
      insert.setString(2, key);
      insert.setString(3, "测试社区 " + key);
      insert.setString(4, status);
      insert.setString(5, street);
      if (insert.executeUpdate() != 1) {
        throw new IllegalStateException("No street " + street);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return key;
  }

  /** The community's rows in every tenant table, counted by the database owner. */
  protected static Map<String, Long> tenantRows(String communityKey) {
    Map<String, Long> rows = new TreeMap<>();
    try (Connection owner = owner()) {
      owner.setAutoCommit(false);
      enterEveryCommunity(owner);
      List<String> tables = new ArrayList<>();
      try (ResultSet found =
          owner
              .createStatement()
              .executeQuery(
                  "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                      + " WHERE n.nspname = 'rg' AND c.relkind = 'r' AND EXISTS (SELECT 1"
                      + " FROM pg_attribute a WHERE a.attrelid = c.oid"
                      + " AND a.attname = 'community_id' AND NOT a.attisdropped)")) {
        while (found.next()) {
          tables.add(found.getString(1));
        }
      }
      for (String table : tables) {
        try (PreparedStatement count =
            owner.prepareStatement(
                "SELECT count(*) FROM rg."
                    + table
                    + " t JOIN rg.community c ON c.id = t.community_id WHERE c.key = ?")) {
          count.setString(1, communityKey);
          try (ResultSet row = count.executeQuery()) {
            row.next();
            rows.put(table, row.getLong(1));
          }
        }
      }
      owner.rollback();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  /** The community's status in the registry. */
  protected static String statusOf(String communityKey) {
    try (Connection owner = owner();
        PreparedStatement query =
            owner.prepareStatement("SELECT status FROM rg.community WHERE key = ?")) {
      query.setString(1, communityKey);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Makes every community the tenant context of {@code owner}'s transaction (the owner is bound by
   * row-level security too).
   */
  protected static void enterEveryCommunity(Connection owner) throws SQLException {
    owner
        .createStatement()
        .executeQuery(
            "SELECT set_config('rg.community_ids',"
                + " (SELECT array_agg(id)::text FROM rg.community), true)")
        .close();
  }

  /** The database as its owner, to check or prepare what the service cannot see. */
  /** The text messages the stand-in SMS gateway kept for the number, oldest first. */
  protected static List<String> textMessagesTo(String phone) {
    if (!Files.isDirectory(SMS_OUTBOX)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(SMS_OUTBOX)) {
      List<String> messages = new ArrayList<>();
      for (Path file : files.sorted().toList()) {
        if (file.getFileName().toString().endsWith("-" + phone + ".txt")) {
          messages.add(Files.readString(file));
        }
      }
      return messages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The invitation code a message carries (in its link's fragment). */
  protected static String invitationCode(String message) {
    Matcher code = Pattern.compile("#code=([0-9A-Z]{26})").matcher(message);
    if (!code.find()) {
      throw new AssertionError("No invitation code in: " + message);
    }
    return code.group(1);
  }

  /**
   * Accepts an invitation as platform-api does for a signed-in person — through {@code
   * rg.accept_invitation}, as platform-api's database role — and returns the invitation's status,
   * or empty when the code accepted nothing.
   */
  protected static Optional<String> acceptInvitation(String code, String userId, String username) {
    try (Connection api =
            DriverManager.getConnection(
                TestStack.get().jdbcUrl(), DatabaseRoles.API, LocalPostgres.API_PASSWORD);
        PreparedStatement accept =
            api.prepareStatement("SELECT status FROM rg.accept_invitation(?, ?, ?)")) {
      accept.setBytes(1, InvitationCodes.digest(code));
      accept.setString(2, userId);
      accept.setString(3, username);
      try (ResultSet row = accept.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  protected static Connection owner() throws SQLException {
    return DriverManager.getConnection(
        TestStack.get().jdbcUrl(), DatabaseRoles.OWNER, LocalPostgres.OWNER_PASSWORD);
  }
}
