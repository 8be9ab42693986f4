/**
 * What operators watch of both services alike, imported by each ({@link
 * SharedMonitoringConfiguration}): a log line per notable GraphQL request (with a pseudonym, never
 * the account), the operations' metrics for Prometheus — by name and outcome, errors by code, open
 * subscriptions — scheduled jobs' last success, a span per SQL statement, and health on the
 * service's own port as before the actuator moved to the management port ({@link ManagementPort}).
 * Nothing is labelled with a community key or a user id.
 */
@NullMarked
package org.redgovernance.monitoring;

import org.jspecify.annotations.NullMarked;
