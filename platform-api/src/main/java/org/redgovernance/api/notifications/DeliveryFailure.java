package org.redgovernance.api.notifications;

/** A channel could not deliver a message this time; its text goes to the delivery log. */
public class DeliveryFailure extends Exception {

  public DeliveryFailure(String message) {
    super(message);
  }

  public DeliveryFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
