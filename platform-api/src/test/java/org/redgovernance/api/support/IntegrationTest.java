package org.redgovernance.api.support;

import org.junit.jupiter.api.BeforeEach;
import org.redgovernance.database.LocalPostgres;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.TestStack;
import org.redgovernance.testing.TestStackInfo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole service on a random port, connected as its runtime role
 * to the real PostgreSQL and validating tokens of the real Keycloak. Every subclass shares one
 * application context and one {@link TestStack}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

  /** Where the tests' text messages are kept (a folder of the SMS gateway). */
  public static final String SMS_OUTBOX = "target/sms-outbox";

  /** Where the tests' WeChat messages are recorded. */
  public static final String WECHAT_OUTBOX = "target/wechat-outbox";

  /** The categories WeChat carries in the tests, each by template {@code tmpl_<category>}. */
  public static final java.util.List<String> WECHAT_CATEGORIES =
      java.util.List.of("MATTERS_I_RAISED", "MEETINGS", "NOTICES", "LEGAL_NOTICES");

  @LocalServerPort protected int port;

  protected GraphQlHttp graphql;

  @DynamicPropertySource
  static void stack(DynamicPropertyRegistry properties) {
    TestStackInfo stack = TestStack.get();
    properties.add("spring.datasource.url", stack::jdbcUrl);
    properties.add("spring.datasource.username", () -> "rg_api");
    properties.add("spring.datasource.password", () -> LocalPostgres.API_PASSWORD);
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", stack::issuer);
    properties.add("rg.tenancy.directory-ttl", () -> "PT0S");
    properties.add("rg.personal-data.key", stack::personalDataKey);
    properties.add("rg.attachments.dir", () -> "target/test-attachments");
    // e-mail notifications go to the build's mail catcher
    properties.add("spring.mail.host", () -> "127.0.0.1");
    properties.add("spring.mail.port", stack::mailPort);
    // text messages and WeChat messages are kept in folders, WeChat with templates of four
    // categories
    properties.add("rg.sms.outbox", () -> SMS_OUTBOX);
    properties.add("rg.wechat.outbox", () -> WECHAT_OUTBOX);
    for (String category : WECHAT_CATEGORIES) {
      properties.add(
          "rg.notifications.wechat.templates." + category, () -> "tmpl_" + category.toLowerCase());
    }
    // the tests record metric snapshots themselves, for the days they choose
    properties.add("rg.metrics.snapshot-first", () -> "PT24H");
    // the tests dispatch notifications themselves, when they want them out
    properties.add("rg.notifications.dispatch-every", () -> "PT0S");
  }

  @BeforeEach
  void client() {
    graphql = new GraphQlHttp(port);
  }
}
