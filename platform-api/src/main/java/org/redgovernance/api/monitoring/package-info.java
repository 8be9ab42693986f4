/**
 * What operators watch: a log line per GraphQL request (with a pseudonym, never the account) and
 * the service's metrics for Prometheus — operations by name and outcome, errors by code, open
 * subscriptions, statements sent, scheduled jobs' last success — labelled without community keys or
 * user ids.
 */
@NullMarked
package org.redgovernance.api.monitoring;

import org.jspecify.annotations.NullMarked;
