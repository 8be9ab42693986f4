package org.redgovernance.api.notifications;

/**
 * One channel's provider behind the dispatcher: sends one rendered message to one person. No
 * provider's SDK or types appear outside its adapter. A message may be offered again after a
 * dispatcher died while sending it: {@link Message#deliveryKey()} is the same each time, for
 * providers that accept an idempotency key.
 */
public interface ChannelAdapter {

  /** The channel it serves. */
  NotificationChannel channel();

  /** Whether it can send at all: its provider is configured (a mail server, a gateway). */
  default boolean available() {
    return true;
  }

  /**
   * Sends it and answers the provider's id of the message; throws {@link DeliveryFailure} when the
   * provider refused it or could not be reached (the dispatcher tries again later).
   */
  String send(Message message) throws DeliveryFailure;

  /**
   * What goes out: the notification as rendered for its recipient, to {@code address} (their e-mail
   * address, mobile number, WeChat account; in the inbox their account).
   */
  record Message(
      String deliveryKey,
      String recipientUserId,
      String address,
      String communityKey,
      NotificationCategory category,
      String kind,
      String title,
      String body,
      String link) {}
}
