package org.redgovernance.api.support;

import org.junit.jupiter.api.BeforeEach;
import org.redgovernance.testing.GraphQlHttp;
import org.redgovernance.testing.TestStack;
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
  public static final String SMS_OUTBOX = TestSettings.SMS_OUTBOX;

  /** Where the tests' WeChat messages are recorded. */
  public static final String WECHAT_OUTBOX = TestSettings.WECHAT_OUTBOX;

  /** The categories WeChat carries in the tests, each by template {@code tmpl_<category>}. */
  public static final java.util.List<String> WECHAT_CATEGORIES = TestSettings.WECHAT_CATEGORIES;

  @LocalServerPort protected int port;

  protected GraphQlHttp graphql;

  @DynamicPropertySource
  static void stack(DynamicPropertyRegistry properties) {
    TestSettings.of(TestStack.get()).forEach((name, value) -> properties.add(name, () -> value));
  }

  @BeforeEach
  void client() {
    graphql = new GraphQlHttp(port);
  }
}
