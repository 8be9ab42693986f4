package org.redgovernance.admin.monitoring;

import org.redgovernance.monitoring.SharedMonitoringConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * tenant-admin's monitoring, as platform-api's ({@link SharedMonitoringConfiguration}): the request
 * log, the operations' metrics for Prometheus on the management port, the role mirror's and the
 * invitations' scheduled runs, a span per SQL statement, health on the server port as well.
 */
@Configuration(proxyBeanMethods = false)
@Import(SharedMonitoringConfiguration.class)
class MonitoringConfiguration {}
