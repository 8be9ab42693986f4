package org.redgovernance.api.notifications;

import org.springframework.context.ApplicationContext;

/**
 * For the tests of features that notify: delivers what waits in the outbox now, as the dispatcher's
 * next round would (the tests run with no scheduled dispatcher).
 */
public final class Outbox {

  private Outbox() {}

  public static int deliverNow(ApplicationContext context) {
    return context.getBean(NotificationDispatcher.class).dispatch();
  }
}
