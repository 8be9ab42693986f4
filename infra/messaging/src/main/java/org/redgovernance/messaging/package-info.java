/**
 * The message providers both services send through: text messages to mobile phones ({@link
 * org.redgovernance.messaging.SmsGateway}), with a folder standing in for a provider in dev and
 * tests ({@code rg.sms.outbox}).
 */
@NullMarked
package org.redgovernance.messaging;

import org.jspecify.annotations.NullMarked;
