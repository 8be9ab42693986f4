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

  private static Platform running;

  private final int apiPort;
  private final int adminPort;

  private Platform(int apiPort, int adminPort) {
    this.apiPort = apiPort;
    this.adminPort = adminPort;
  }

  static synchronized Platform get() {
    if (running == null) {
      TestStackInfo stack = TestStack.get();
      // the reference app, as a front-end dev server would serve it, and the console; today's
      // metric snapshots at once, for the console's dashboard
      ConfigurableApplicationContext api =
          platformApi(
              "--spring.graphql.cors.allowed-origins="
                  + REFERENCE_APP_ORIGIN
                  + ","
                  + CONSOLE_ORIGIN,
              "--rg.metrics.snapshot-first=PT0S");
      ConfigurableApplicationContext admin =
          TenantAdminApplication.start(
              "--server.port=" + ADMIN_PORT,
              "--server.address=127.0.0.1",
              "--rg.console.api-url=http://127.0.0.1:" + port(api),
              "--spring.datasource.url=" + stack.jdbcUrl(),
              "--spring.datasource.username=" + DatabaseRoles.ADMIN,
              "--spring.datasource.password=" + LocalPostgres.ADMIN_PASSWORD,
              "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + stack.issuer(),
              "--rg.keycloak.client-secret=" + Invitations.TENANT_ADMIN_SECRET,
              "--rg.sms.outbox=" + Path.of("target/sms-outbox").toAbsolutePath(),
              "--spring.mail.host=127.0.0.1",
              "--spring.mail.port=" + stack.mailPort());
      running = new Platform(port(api), port(admin));
    }
    return running;
  }

  private static int devApiPort;

  /**
   * A second platform-api as the dev stack runs it (introspection on), for the tools a front-end
   * team points at the live dev URL.
   */
  static synchronized int devApiPort() {
    if (devApiPort == 0) {
      devApiPort = port(platformApi("--rg.graphql.introspection=true"));
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

  /** platform-api as production runs it, with its own role, and {@code extra} settings. */
  private static ConfigurableApplicationContext platformApi(String... extra) {
    TestStackInfo stack = TestStack.get();
    java.util.List<String> arguments =
        new java.util.ArrayList<>(
            java.util.List.of(
                "--server.port=0",
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
