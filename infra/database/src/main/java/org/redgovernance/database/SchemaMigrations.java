package org.redgovernance.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the Liquibase changelog as the owner role. Neither service runs migrations at start-up
 * (their roles could not): production runs {@link #main} as a job before rolling out, the dev stack
 * and the tests call {@link #apply}.
 */
public final class SchemaMigrations {

  public static final String CHANGELOG = "db/changelog/changelog.yaml";

  private SchemaMigrations() {}

  /** Brings the schema reachable through {@code ownerConnection} up to date. */
  public static void apply(Connection ownerConnection) {
    try {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(ownerConnection));
      Scope.child(
          Scope.Attr.resourceAccessor.name(),
          new ClassLoaderResourceAccessor(SchemaMigrations.class.getClassLoader()),
          () ->
              new CommandScope(UpdateCommandStep.COMMAND_NAME)
                  .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                  .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                  .execute());
    } catch (Exception e) {
      throw new IllegalStateException("Schema migration failed: " + e.getMessage(), e);
    }
  }

  /**
   * Migration job: {@code RG_DB_URL}, {@code RG_DB_OWNER_USER} and {@code RG_DB_OWNER_PASSWORD}
   * name the database and the owner role.
   */
  public static void main(String[] args) throws SQLException {
    String url = required("RG_DB_URL");
    String user = System.getenv().getOrDefault("RG_DB_OWNER_USER", DatabaseRoles.OWNER);
    try (Connection connection =
        DriverManager.getConnection(url, user, required("RG_DB_OWNER_PASSWORD"))) {
      apply(connection);
    }
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Environment variable " + name + " is required");
    }
    return value;
  }
}
