package org.redgovernance.admin.sms;

/** Sends a text message to a mainland mobile number. */
public interface SmsGateway {

  /** Sends it; false if the provider refused or could not be reached. */
  boolean send(String phone, String text);
}
