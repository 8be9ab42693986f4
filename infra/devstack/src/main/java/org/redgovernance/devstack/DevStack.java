package org.redgovernance.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import org.redgovernance.admin.TenantAdminApplication;
import org.redgovernance.api.PlatformApiApplication;
import org.redgovernance.database.DatabaseRoles;
import org.redgovernance.database.DemoData;
import org.redgovernance.database.DemoMetricHistory;
import org.redgovernance.database.DemoNotifications;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.database.PersonalDataCipher;
import org.redgovernance.keycloak.KeycloakServer;
import org.redgovernance.keycloak.MailCatcher;
import org.redgovernance.keycloak.RealmDefinition;
import org.redgovernance.referenceapp.ReferenceAppServer;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Starts the platform for a developer: PostgreSQL, Keycloak, platform-api and tenant-admin, then
 * loads the demo data and prints where everything is. Stopping the process (Ctrl-C) stops every
 * part in reverse order.
 *
 * <p>Settings (system properties or environment): {@code RG_DEVSTACK_DIR} (default {@code
 * .devstack}), {@code RG_DEVSTACK_PG_PORT} (default 15432).
 */
public final class DevStack {

  private static final int API_PORT = 8080;
  private static final int ADMIN_PORT = 8081;

  /** Where a front-end dev server (Vite) would run; the reference app is served there. */
  private static final int APP_PORT = 5173;

  private static final int KEYCLOAK_MANAGEMENT_PORT = 9180;

  private final Deque<AutoCloseable> running = new ArrayDeque<>();

  public static void main(String[] args) {
    DevStack stack = new DevStack();
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-stop"));
    try {
      stack.start();
    } catch (RuntimeException e) {
      System.err.println("The dev stack could not start: " + e.getMessage());
      stack.stop();
      System.exit(1);
    }
  }

  private void start() {
    Path dir = Path.of(setting("RG_DEVSTACK_DIR", ".devstack")).toAbsolutePath();
    int pgPort = Integer.parseInt(setting("RG_DEVSTACK_PG_PORT", "15432"));

    String personalDataKey = personalDataKey(dir);
    LocalPostgres postgres = LocalPostgres.start(dir.resolve("postgres"), pgPort);
    running.push(postgres);
    try (Connection owner = postgres.connectAsOwner()) {
      DemoData.load(owner, PersonalDataCipher.fromBase64(personalDataKey));
      DemoNotifications.load(owner);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not load the demo data", e);
    }

    MailCatcher mail =
        MailCatcher.start(
            Integer.parseInt(setting("RG_DEVSTACK_SMTP_PORT", "1025")),
            dir.resolve("mail"),
            caught -> System.out.println("\n" + caught + "\n"));
    running.push(mail);
    KeycloakServer keycloak =
        KeycloakServer.start(
            Path.of(keycloakHome()),
            KeycloakServer.DEFAULT_PORT,
            KEYCLOAK_MANAGEMENT_PORT,
            RealmDefinition.toJson(
                RealmDefinition.withMailCatcher(RealmDefinition.dev(), mail.port())),
            dir.resolve("keycloak"));
    running.push(keycloak);

    running.push(
        new SpringApplicationBuilder(PlatformApiApplication.class)
            .profiles("dev")
            .run(
                "--server.port=" + API_PORT,
                // plain lines for a developer's terminal (production writes JSON)
                "--logging.structured.format.console=",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + DatabaseRoles.API,
                "--spring.datasource.password=" + LocalPostgres.API_PASSWORD,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuer(),
                "--rg.personal-data.key=" + personalDataKey,
                "--rg.attachments.dir=" + dir.resolve("attachments"),
                // notifications by e-mail land in the mail catcher, their links on the app
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.port(),
                "--rg.notifications.app-url=http://127.0.0.1:" + APP_PORT,
                // texts and WeChat messages are kept in folders; WeChat with made-up templates
                "--rg.sms.outbox=" + dir.resolve("sms"),
                "--rg.wechat.outbox=" + dir.resolve("wechat"),
                "--rg.notifications.wechat.templates.MATTERS_I_RAISED=dev_matters_i_raised",
                "--rg.notifications.wechat.templates.MEETINGS=dev_meetings",
                "--rg.notifications.wechat.templates.NOTICES=dev_notices",
                "--rg.notifications.wechat.templates.LEGAL_NOTICES=dev_legal_notices",
                // today's metrics at once, and six months of demo history before them
                // (DemoMetricHistory) instead of the days caught up from the demo's records
                "--rg.metrics.snapshot-first=PT2S",
                "--rg.metrics.catch-up-days=0"));
    running.push(
        TenantAdminApplication.start(
            "--server.port=" + ADMIN_PORT,
            "--logging.structured.format.console=",
            "--spring.datasource.url=" + postgres.jdbcUrl(),
            "--spring.datasource.username=" + DatabaseRoles.ADMIN,
            "--spring.datasource.password=" + LocalPostgres.ADMIN_PASSWORD,
            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuer(),
            "--rg.keycloak.client-secret=rg-tenant-admin-dev-secret",
            "--rg.sms.outbox=" + dir.resolve("sms"),
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + mail.port(),
            "--rg.invitations.accept-url=http://127.0.0.1:" + APP_PORT + "/invitation",
            "--spring.graphql.cors.allowed-origins="
                + setting("RG_CORS_ORIGINS", "http://localhost:5173,http://127.0.0.1:5173"),
            "--spring.graphql.graphiql.enabled=true",
            "--rg.graphql.introspection=true"));

    startReferenceApp(keycloak);
    demoMetricHistory(postgres);
    System.out.println(banner(postgres, keycloak, mail, dir));
  }

  /** Six months of demo metric history before today's snapshot, once platform-api recorded it. */
  private static void demoMetricHistory(LocalPostgres postgres) {
    try (Connection owner = postgres.connectAsOwner()) {
      int written =
          DemoMetricHistory.load(
              owner,
              java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")),
              java.time.Duration.ofMinutes(1));
      if (written > 0) {
        System.out.println("Demo metric history: " + written + " daily values");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not load the demo metric history", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The reference app on :5173, where a front-end dev server would be: an origin the dev realm and
   * CORS allow. When something else (a team's own dev server) holds the port, the stack runs on.
   */
  private void startReferenceApp(KeycloakServer keycloak) {
    try {
      ReferenceAppServer app =
          ReferenceAppServer.start(
              new InetSocketAddress("127.0.0.1", APP_PORT),
              new ReferenceAppServer.Config(
                  "http://127.0.0.1:" + API_PORT, keycloak.issuer(), "rg-web"));
      running.push(app);
    } catch (UncheckedIOException busy) {
      System.err.println(
          "Port " + APP_PORT + " is taken (your own dev server?): the reference app is not served");
    }
  }

  private synchronized void stop() {
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (Exception e) {
        System.err.println("While stopping: " + e.getMessage());
      }
    }
  }

  private static String banner(
      LocalPostgres postgres, KeycloakServer keycloak, MailCatcher mail, Path dir) {
    return """

        ================================================================================
         Red Governance dev stack is up                       (Ctrl-C stops all of it)

         reference app  http://127.0.0.1:%d/   (log in as a demo user; source in infra/reference-app)
         platform-api   http://127.0.0.1:%d/graphql    GraphiQL http://127.0.0.1:%d/graphiql
                        health http://127.0.0.1:%d/readyz   metrics http://127.0.0.1:9080/actuator/prometheus
         tenant-admin   http://127.0.0.1:%d/graphql    health http://127.0.0.1:%d/readyz
                        metrics http://127.0.0.1:9081/actuator/prometheus
                        street office console http://127.0.0.1:8081/console/ (baishalu.admin)
         Keycloak       %s   (client rg-web, log %s)
         PostgreSQL     %s   (data in %s)
         Mail catcher   smtp://127.0.0.1:%d   (Keycloak's, tenant-admin's and the notifications'
                        mail, with its links, is printed here and kept in %s)
         Text messages  invitations and notifications by phone are kept in %s
         WeChat         notifications by WeChat are recorded in %s
         Invitations    open the link in the message (the reference app's /invitation page),
                        log in or register at Keycloak, and the invitation is accepted

         Demo logins, password "%s":
           platform.operator  baishalu.admin  baishalu.viewer  gutang.admin
           baiguoshu.admin  baiguoshu.secretary  baiguoshu.owners  baiguoshu.supervisor
           baiguoshu.resident  xinhua.admin  xinhua.resident  qingyuan.admin

         Try it: infra/devstack/demo.sh baiguoshu.resident
        ================================================================================
        """
        .formatted(
            APP_PORT,
            API_PORT,
            API_PORT,
            API_PORT,
            ADMIN_PORT,
            ADMIN_PORT,
            keycloak.issuer(),
            keycloak.log(),
            postgres.jdbcUrl(),
            dir,
            mail.port(),
            mail.folder(),
            dir.resolve("sms"),
            dir.resolve("wechat").resolve("wechat.jsonl"),
            RealmDefinition.DEMO_PASSWORD);
  }

  /**
   * The dev stack's own key for personal data, made on first start and kept beside the data it
   * protects (a production key lives in a secret store, never beside the database).
   */
  private static String personalDataKey(Path dir) {
    Path file = dir.resolve("personal-data.key");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(dir);
        Files.writeString(file, PersonalDataCipher.generateKey());
      }
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String keycloakHome() {
    String configured = setting("RG_KEYCLOAK_HOME", null);
    if (configured != null) {
      return configured;
    }
    Properties build = new Properties();
    try (InputStream in = DevStack.class.getResourceAsStream("/devstack.properties")) {
      build.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return build.getProperty("keycloak.home");
  }

  private static String setting(String name, String fallback) {
    String value = System.getProperty(name, System.getenv(name));
    return value == null || value.isBlank() ? fallback : value;
  }
}
