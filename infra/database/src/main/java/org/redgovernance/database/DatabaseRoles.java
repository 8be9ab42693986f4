package org.redgovernance.database;

/**
 * The three database roles the platform relies on. The owner runs migrations and owns every object;
 * the two runtime roles own nothing, have no BYPASSRLS and reach tenant rows only through the
 * tenant context (see {@link TenantContext}).
 */
public final class DatabaseRoles {

  /** Owns the schema and runs the Liquibase changelog. */
  public static final String OWNER = "rg_owner";

  /** platform-api's runtime role: DML on tenant tables, bound by row-level security. */
  public static final String API = "rg_api";

  /** tenant-admin's runtime role: writes the tenant registry, reads tenant data for export. */
  public static final String ADMIN = "rg_admin";

  /** The database the platform lives in (schema {@code rg}). */
  public static final String DATABASE = "red_governance";

  private DatabaseRoles() {}
}
