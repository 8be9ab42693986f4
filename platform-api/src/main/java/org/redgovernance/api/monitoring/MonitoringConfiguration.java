package org.redgovernance.api.monitoring;

import org.redgovernance.monitoring.SharedMonitoringConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * platform-api's monitoring: what both services watch alike ({@link SharedMonitoringConfiguration}:
 * the request log, the operations' metrics, scheduled jobs, statement spans, health on the server
 * port), and the statements sent ({@link StatementMetrics}).
 */
@Configuration(proxyBeanMethods = false)
@Import(SharedMonitoringConfiguration.class)
class MonitoringConfiguration {}
