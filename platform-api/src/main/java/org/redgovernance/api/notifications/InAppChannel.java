package org.redgovernance.api.notifications;

import org.springframework.stereotype.Component;

/**
 * The inbox: a notification delivered in-app is one its recipient finds in {@code notifications}.
 * Delivering it is the dispatcher's settling it as SENT, which shows it; nothing leaves the
 * platform.
 */
@Component
class InAppChannel implements ChannelAdapter {

  @Override
  public NotificationChannel channel() {
    return NotificationChannel.IN_APP;
  }

  @Override
  public String send(Message message) {
    return "inbox";
  }
}
