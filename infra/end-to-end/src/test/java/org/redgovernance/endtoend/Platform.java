package org.redgovernance.endtoend;

import java.nio.file.Path;
import org.redgovernance.admin.TenantAdminApplication;
import org.redgovernance.api.PlatformApiApplication;
import org.redgovernance.database.DatabaseRoles;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.TestStack;
import org.redgovernance.testing.TestStackInfo;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * platform-api and tenant-admin, each with its own database role and its own settings as in
 * production, started once for all end-to-end tests against the build's PostgreSQL and Keycloak.
 */
final class Platform {

  /** Where the browser test serves the reference app: an origin the dev realm lists for rg-web. */
  static final String REFERENCE_APP_ORIGIN = "http://127.0.0.1:5173";

  /**
   * Where tenant-admin, and so the street office console, runs: its production port, an origin the
   * dev realm lists for rg-web.
   */
  static final int ADMIN_PORT = 8081;

  static final String CONSOLE_ORIGIN = "http://127.0.0.1:" + ADMIN_PORT;

  /** The settings that make a service run only the documents its build registered. */
  private static final String REGISTERED_ONLY =
      "--rg.graphql.persisted-queries.registered-only=true";

  private static Platform running;

  private final int apiPort;
  private final int adminPort;
  private final int consoleApiPort;

  private Platform(int apiPort, int adminPort, int consoleApiPort) {
    this.apiPort = apiPort;
    this.adminPort = adminPort;
    this.consoleApiPort = consoleApiPort;
  }

  /**
   * The services the tests call, and, for the console, both services as production runs them:
   * running only the documents their builds registered (persisted queries' allow-list), so the
   * browser tests show the console needs nothing else.
   */
  static synchronized Platform get() {
    if (running == null) {
      // the reference app, as a front-end dev server would serve it
      // the console's platform-api alone records the day's snapshots, once, at its start: a
      // second recorder a minute later would add communities between a chart and its check
      ConfigurableApplicationContext api =
          platformApi(
              "--spring.graphql.cors.allowed-origins=" + REFERENCE_APP_ORIGIN,
              "--rg.metrics.snapshot-first=PT24H");
      ConfigurableApplicationContext admin = tenantAdmin("--server.port=0");
      // today's metric snapshots at once, for the console's dashboard, and the demo's history
      // before them (demoTrends) instead of days caught up from the records, as the dev stack has
      ConfigurableApplicationContext consoleApi =
          platformApi(
              "--spring.graphql.cors.allowed-origins=" + CONSOLE_ORIGIN,
              "--rg.metrics.snapshot-first=PT0S",
              "--rg.metrics.catch-up-days=0",
              REGISTERED_ONLY);
      tenantAdmin(
          "--server.port=" + ADMIN_PORT,
          "--rg.console.api-url=http://127.0.0.1:" + port(consoleApi),
          REGISTERED_ONLY);
      demoTrends();
      running = new Platform(port(api), port(admin), port(consoleApi));
    }
    return running;
  }

  /**
   * The demo's six months of metric history, as the dev stack writes it once platform-api has
   * recorded today's snapshots: the console's dashboard shows trends, not a point.
   */
  private static void demoTrends() {
    try (java.sql.Connection owner =
        java.sql.DriverManager.getConnection(
            TestStack.get().jdbcUrl(), DatabaseRoles.OWNER, LocalPostgres.OWNER_PASSWORD)) {
      if (org.redgovernance.database.DemoMetricHistory.load(
              owner,
              java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")),
              java.time.Duration.ofSeconds(60))
          == 0) {
        throw new IllegalStateException("platform-api recorded no snapshots of today in 60 s");
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** tenant-admin as production runs it, with its own role, and {@code extra} settings. */
  private static ConfigurableApplicationContext tenantAdmin(String... extra) {
    TestStackInfo stack = TestStack.get();
    java.util.List<String> arguments =
        new java.util.ArrayList<>(
            java.util.List.of(
                "--server.address=127.0.0.1",
                "--management.server.port=0",
                "--spring.datasource.url=" + stack.jdbcUrl(),
                "--spring.datasource.username=" + DatabaseRoles.ADMIN,
                "--spring.datasource.password=" + LocalPostgres.ADMIN_PASSWORD,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + stack.issuer(),
                "--rg.keycloak.client-secret=" + Invitations.TENANT_ADMIN_SECRET,
                "--rg.sms.outbox=" + Path.of("target/sms-outbox").toAbsolutePath(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + stack.mailPort()));
    arguments.addAll(java.util.List.of(extra));
    return TenantAdminApplication.start(arguments.toArray(String[]::new));
  }

  private static int devApiPort;

  /**
   * A second platform-api as the dev stack runs it (introspection on), for the tools a front-end
   * team points at the live dev URL.
   */
  static synchronized int devApiPort() {
    if (devApiPort == 0) {
      devApiPort =
          port(platformApi("--rg.graphql.introspection=true", "--rg.metrics.snapshot-first=PT24H"));
    }
    return devApiPort;
  }

  GraphQlHttp api() {
    return new GraphQlHttp(apiPort);
  }

  GraphQlHttp admin() {
    return new GraphQlHttp(adminPort);
  }

  int adminPort() {
    return adminPort;
  }

  int apiPort() {
    return apiPort;
  }

  /** The platform-api the console calls (on {@link #ADMIN_PORT}): allow-list mode. */
  int consoleApiPort() {
    return consoleApiPort;
  }

  /** platform-api as production runs it, with its own role, and {@code extra} settings. */
  private static ConfigurableApplicationContext platformApi(String... extra) {
    TestStackInfo stack = TestStack.get();
    java.util.List<String> arguments =
        new java.util.ArrayList<>(
            java.util.List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=" + stack.jdbcUrl(),
                "--spring.datasource.username=" + DatabaseRoles.API,
                "--spring.datasource.password=" + LocalPostgres.API_PASSWORD,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + stack.issuer(),
                "--rg.personal-data.key=" + stack.personalDataKey(),
                "--rg.attachments.dir=" + Path.of("target/attachments").toAbsolutePath()));
    arguments.addAll(java.util.List.of(extra));
    return new SpringApplicationBuilder(PlatformApiApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }
}
