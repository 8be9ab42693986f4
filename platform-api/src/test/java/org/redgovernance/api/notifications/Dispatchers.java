package org.redgovernance.api.notifications;

import java.util.function.IntSupplier;
import org.redgovernance.api.support.SeparateInstance;

/** An instance's notification dispatcher, for a test that runs it when it chooses. */
public final class Dispatchers {

  private Dispatchers() {}

  /** One pass of {@code instance}'s dispatcher: expands and delivers until nothing is due. */
  public static IntSupplier of(SeparateInstance instance) {
    NotificationDispatcher dispatcher = instance.bean(NotificationDispatcher.class);
    return dispatcher::dispatch;
  }
}
