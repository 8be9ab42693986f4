package org.redgovernance.messaging;

/**
 * Sends a text message to a mainland mobile number: what a real provider plugs into, for both
 * services (tenant-admin's invitations, platform-api's notifications). Without one, nothing is
 * texted: invitations by phone are refused, notifications skip the channel.
 */
public interface SmsGateway {

  /** Sends it; false if the provider refused or could not be reached. */
  boolean send(String phone, String text);
}
