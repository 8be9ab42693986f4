package org.redgovernance.api.notifications;

import org.redgovernance.messaging.SmsGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Text messages through the platform's {@link SmsGateway} (a provider's, or the folder of dev and
 * tests: {@code rg.sms.outbox}); without one the channel is not open. A text carries the title and
 * the text, signed as SMS rules in China require ({@code 【红色治家】}), not the link: a link in a text
 * message is what phishing looks like.
 */
@Component
class SmsChannel implements ChannelAdapter {

  static final String SIGNATURE = "【红色治家】";

  private final ObjectProvider<SmsGateway> gateway;

  SmsChannel(ObjectProvider<SmsGateway> gateway) {
    this.gateway = gateway;
  }

  @Override
  public NotificationChannel channel() {
    return NotificationChannel.SMS;
  }

  @Override
  public boolean available() {
    return gateway.getIfAvailable() != null;
  }

  @Override
  public String send(Message message) throws DeliveryFailure {
    String text = SIGNATURE + message.title() + "：" + message.body();
    if (!gateway.getObject().send(message.address(), text)) {
      throw new DeliveryFailure("the SMS gateway refused the message or was unreachable");
    }
    return "sms:" + message.deliveryKey();
  }
}
