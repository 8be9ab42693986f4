/**
 * Text messages to mobile phones, for people invited by phone number (many residents have no
 * e-mail). {@link org.redgovernance.admin.sms.SmsGateway} is what a real provider plugs into; the
 * outbox folder stands in for one in dev and tests. Without a gateway, phone invitations are
 * refused rather than left undelivered.
 */
@NullMarked
package org.redgovernance.admin.sms;

import org.jspecify.annotations.NullMarked;
