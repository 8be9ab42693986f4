/**
 * What operators watch of platform-api: what both services watch alike (infra/monitoring: a log
 * line per notable GraphQL request, the operations' metrics for Prometheus, scheduled jobs' last
 * success, a span per SQL statement), and the statements sent — labelled without community keys or
 * user ids.
 */
@NullMarked
package org.redgovernance.api.monitoring;

import org.jspecify.annotations.NullMarked;
