package org.redgovernance.api.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.testing.TestStackInfo;

/**
 * platform-api's settings in the tests: the shared Keycloak and mail catcher, folders for outgoing
 * messages, jobs the tests start themselves — against the database of the test's choosing (the
 * shared one, or one a fault test stops and starts).
 */
public final class TestSettings {

  /** Where the tests' text messages are kept (a folder of the SMS gateway). */
  public static final String SMS_OUTBOX = "target/sms-outbox";

  /** Where the tests' WeChat messages are recorded. */
  public static final String WECHAT_OUTBOX = "target/wechat-outbox";

  /** The categories WeChat carries in the tests, each by template {@code tmpl_<category>}. */
  public static final java.util.List<String> WECHAT_CATEGORIES =
      java.util.List.of("MATTERS_I_RAISED", "MEETINGS", "NOTICES", "LEGAL_NOTICES");

  /** Where the tests' attachment store keeps its files. */
  public static final String ATTACHMENTS = "target/test-attachments";

  private TestSettings() {}

  /** The settings against the shared test database. */
  public static Map<String, String> of(TestStackInfo stack) {
    return of(stack, stack.jdbcUrl(), stack.personalDataKey());
  }

  /**
   * The settings against the database at {@code jdbcUrl}, whose personal data that key encrypts.
   */
  public static Map<String, String> of(
      TestStackInfo stack, String jdbcUrl, String personalDataKey) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spring.datasource.url", jdbcUrl);
    settings.put("spring.datasource.username", "rg_api");
    settings.put("spring.datasource.password", LocalPostgres.API_PASSWORD);
    settings.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", stack.issuer());
    settings.put("rg.tenancy.directory-ttl", "PT0S");
    // every statement the tests make the service send, for the Citus-readiness check
    settings.put("rg.sql.record-statements", CitusReadiness.RECORDED);
    // a log line for every request (production: failures and slow ones), to read a test's requests
    settings.put("rg.logs.every-request", "true");
    // several instances run in one test JVM: each its own management port
    settings.put("management.server.port", "0");
    settings.put("rg.personal-data.key", personalDataKey);
    settings.put("rg.attachments.dir", ATTACHMENTS);
    // e-mail notifications go to the build's mail catcher
    settings.put("spring.mail.host", "127.0.0.1");
    settings.put("spring.mail.port", Integer.toString(stack.mailPort()));
    // text messages and WeChat messages are kept in folders, WeChat with templates of four
    // categories
    settings.put("rg.sms.outbox", SMS_OUTBOX);
    settings.put("rg.wechat.outbox", WECHAT_OUTBOX);
    for (String category : WECHAT_CATEGORIES) {
      settings.put(
          "rg.notifications.wechat.templates." + category, "tmpl_" + category.toLowerCase());
    }
    // a request body may fall behind for 4 s (20 in production), so that a test sees it refused
    settings.put("rg.http.body-timeout", "PT4S");
    // the tests record metric snapshots themselves, for the days they choose
    settings.put("rg.metrics.snapshot-first", "PT24H");
    // the tests dispatch notifications themselves, when they want them out
    settings.put("rg.notifications.dispatch-every", "PT0S");
    return settings;
  }
}
