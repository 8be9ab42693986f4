package org.redgovernance.api.notifications;

import org.junit.jupiter.api.BeforeEach;
import org.redgovernance.api.matters.MatterDesk;
import org.redgovernance.api.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the tests of how notifications reach the Baiguoshu demo resident: each starts with what
 * other tests left in the outbox delivered and the resident's settings back at the defaults ({@link
 * ResidentSettings}), and a desk to raise and take up their matters.
 */
abstract class ResidentNotificationTest extends IntegrationTest {

  @Autowired protected NotificationDispatcher dispatcher;

  protected MatterDesk desk;

  @BeforeEach
  void quietOutboxAndDefaults() {
    desk = new MatterDesk(graphql);
    dispatcher.dispatch();
    ResidentSettings.reset();
  }
}
