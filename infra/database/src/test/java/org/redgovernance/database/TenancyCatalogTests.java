package org.redgovernance.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the real catalog after migration and fails when a table breaks the tenancy rules of
 * ARCHITECTURE.md. A new tenant table that forgets any of them fails the build here.
 */
class TenancyCatalogTests {

  /** Tables of schema rg that carry community_id: the tenant tables. */
  private static final String TENANT_TABLES =
      """
      WITH tenant_table AS (
        SELECT c.oid, c.relname, c.relrowsecurity, c.relforcerowsecurity
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'rg' AND c.relkind IN ('r', 'p')
           AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                        AND a.attname = 'community_id' AND NOT a.attisdropped))
      """;

  private static Connection owner;

  @BeforeAll
  static void connect() throws SQLException {
    owner = SharedTestDatabase.get().connectAsOwner();
  }

  @Test
  void everyTenantTable_hasRowLevelSecurityEnabledAndForced() throws SQLException {
    List<String> offenders =
        strings(
            TENANT_TABLES
                + """
            SELECT c.relname FROM tenant_table c WHERE true
               AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
            """);
    assertThat(offenders).as("tenant tables without ENABLE + FORCE row-level security").isEmpty();
  }

  @Test
  void everyTenantTable_hasAPolicy() throws SQLException {
    List<String> offenders =
        strings(
            TENANT_TABLES
                + """
            SELECT c.relname FROM tenant_table c WHERE true
               AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)
            """);
    assertThat(offenders).as("tenant tables without a row-level security policy").isEmpty();
  }

  @Test
  void everyTenantPolicy_readsTheTenantContextOncePerStatement() throws SQLException {
    List<String> offenders =
        strings(
            TENANT_TABLES
                + """
            SELECT c.relname || '.' || p.polname FROM pg_policy p
              JOIN tenant_table c ON c.oid = p.polrelid
             WHERE p.polpermissive AND pg_get_expr(p.polqual, p.polrelid) <>
                   '(community_id = ANY (( SELECT rg.allowed_community_ids() AS allowed_community_ids)::uuid[]))'
            """);
    assertThat(offenders)
        .as("tenant policies that do not compare community_id with the scalar subquery")
        .isEmpty();
  }

  /**
   * A restrictive policy is a second wall inside the community (it can only narrow what the
   * community policy lets through): each is deliberate, and reads the acting user once per
   * statement too.
   */
  @Test
  void restrictivePolicies_areTheDeclaredWallsInsideACommunity() throws SQLException {
    List<String> restrictive =
        strings(
            TENANT_TABLES
                + """
            SELECT c.relname || '.' || p.polname || ': ' || pg_get_expr(p.polqual, p.polrelid)
              FROM pg_policy p JOIN tenant_table c ON c.oid = p.polrelid
             WHERE NOT p.polpermissive
            """);
    String ownOrSystem =
        " = ( SELECT rg.current_user_id() AS current_user_id)) OR (( SELECT rg.current_user_id() AS"
            + " current_user_id) = 'system'::text))";
    assertThat(restrictive)
        .containsExactlyInAnyOrder(
            "notification.notification_own: ((recipient_user_id" + ownOrSystem,
            "notification_setting.notification_setting_own: ((user_id" + ownOrSystem,
            "notification_preference.notification_preference_own: ((user_id" + ownOrSystem,
            "notification_digest.notification_digest_own: ((user_id" + ownOrSystem,
            "notification_wechat_consent.notification_wechat_consent_own: ((user_id" + ownOrSystem);
  }

  @Test
  void everyTenantTable_hasAPrimaryKeyStartingWithCommunityId() throws SQLException {
    List<String> offenders =
        strings(
            TENANT_TABLES
                + """
            SELECT c.relname FROM tenant_table c WHERE true
               AND NOT EXISTS (
                     SELECT 1 FROM pg_constraint k
                       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
                      WHERE k.conrelid = c.oid AND k.contype = 'p' AND a.attname = 'community_id')
            """);
    assertThat(offenders)
        .as("tenant tables whose primary key does not start with community_id")
        .isEmpty();
  }

  @Test
  void everyForeignKeyBetweenTenantTables_carriesCommunityId() throws SQLException {
    List<String> offenders =
        strings(
            TENANT_TABLES
                + """
            SELECT k.conname FROM pg_constraint k
              JOIN tenant_table dst ON dst.oid = k.confrelid
             WHERE k.contype = 'f'
               AND NOT EXISTS (
                     SELECT 1 FROM unnest(k.conkey) AS col(num)
                       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = col.num
                      WHERE a.attname = 'community_id')
            """);
    assertThat(offenders).as("foreign keys between tenant tables without community_id").isEmpty();
  }

  @Test
  void runtimeRoles_ownNothingAndCannotBypassRowLevelSecurity() throws SQLException {
    List<String> offenders =
        strings(
            """
            SELECT r.rolname FROM pg_roles r
             WHERE r.rolname IN ('rg_api', 'rg_admin')
               AND (r.rolsuper OR r.rolbypassrls OR r.rolcreaterole OR r.rolcreatedb
                    OR EXISTS (SELECT 1 FROM pg_class c WHERE c.relowner = r.oid)
                    OR EXISTS (SELECT 1 FROM pg_namespace s WHERE s.nspowner = r.oid))
            """);
    assertThat(offenders).as("runtime roles with privileges beyond DML").isEmpty();
  }

  @Test
  void tenantAdmin_mayReadInsertAndDeleteEveryTenantTable_forExportEraseAndImport_neverUpdate()
      throws SQLException {
    List<String> offenders =
        strings(
            TENANT_TABLES
                + """
            SELECT c.relname FROM tenant_table c WHERE true
               AND NOT (has_table_privilege('rg_admin', c.oid, 'SELECT')
                        AND has_table_privilege('rg_admin', c.oid, 'INSERT')
                        AND has_table_privilege('rg_admin', c.oid, 'DELETE'))
                OR has_table_privilege('rg_admin', c.oid, 'UPDATE')
            """);
    assertThat(offenders)
        .as("tenant tables tenant-admin could not archive or would update")
        .isEmpty();
  }

  @Test
  void noTenantTable_hasGeneratedColumns_soAnArchiveRowLoadsAsItWasExported() throws SQLException {
    List<String> offenders =
        strings(
            TENANT_TABLES
                + """
            SELECT c.relname || '.' || a.attname FROM tenant_table c
              JOIN pg_attribute a ON a.attrelid = c.oid
             WHERE a.attnum > 0 AND NOT a.attisdropped
               AND (a.attgenerated <> '' OR a.attidentity = 'a')
            """);
    assertThat(offenders).as("generated columns in tenant tables").isEmpty();
  }

  @Test
  void apiRole_mayNotChangeOrDeleteAuditEvents() throws SQLException {
    List<String> privileges =
        strings(
            """
            SELECT privilege_type FROM information_schema.role_table_grants
             WHERE grantee = 'rg_api' AND table_schema = 'rg' AND table_name = 'audit_event'
            """);
    assertThat(privileges).containsExactly("INSERT");
  }

  /**
   * The street's own tables (a rollout project): street_id and no community_id. The registry's
   * community row is the one table with street_id that is neither a street's object nor a tenant's.
   */
  private static final String STREET_TABLES =
      """
      WITH street_table AS (
        SELECT c.oid, c.relname, c.relrowsecurity, c.relforcerowsecurity
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'rg' AND c.relkind IN ('r', 'p') AND c.relname <> 'community'
           AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                        AND a.attname = 'street_id' AND NOT a.attisdropped)
           AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                            AND a.attname = 'community_id' AND NOT a.attisdropped))
      """;

  @Test
  void everyStreetTable_isWalledByTheStreetsOfTheTenantContext() throws SQLException {
    List<String> tables = strings(STREET_TABLES + "SELECT relname FROM street_table");
    assertThat(tables).contains("rollout_project", "rollout_indicator", "street_audit_event");
    List<String> offenders =
        strings(
            STREET_TABLES
                + """
            SELECT c.relname FROM street_table c
             WHERE NOT (c.relrowsecurity AND c.relforcerowsecurity)
                OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)
                OR EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND (
                     NOT p.polpermissive OR pg_get_expr(p.polqual, p.polrelid) <>
                     '(street_id = ANY (( SELECT rg.allowed_street_ids() AS allowed_street_ids)::uuid[]))'))
            """);
    assertThat(offenders).as("street tables without the street's wall").isEmpty();
  }

  @Test
  void apiRole_mayNotReadChangeOrDeleteTheStreetsAuditEvents() throws SQLException {
    List<String> privileges =
        strings(
            """
            SELECT privilege_type FROM information_schema.role_table_grants
             WHERE grantee = 'rg_api' AND table_schema = 'rg' AND table_name = 'street_audit_event'
            """);
    assertThat(privileges).containsExactly("INSERT");
  }

  private static List<String> strings(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rows = owner.createStatement().executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
