package org.redgovernance.database;

/** One throwaway PostgreSQL for every test class of this module, stopped when the JVM exits. */
final class SharedTestDatabase {

  private static LocalPostgres postgres;

  private SharedTestDatabase() {}

  static synchronized LocalPostgres get() {
    if (postgres == null) {
      postgres = LocalPostgres.start(null, 0);
      Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
    }
    return postgres;
  }
}
