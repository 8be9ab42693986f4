package org.redgovernance.api.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.testing.GraphQlWebSocket;
import org.redgovernance.testing.OperatorView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * What an operator's Prometheus scrapes from the management port, and only there: operations by
 * name and outcome with a latency histogram, errors by code, open subscriptions, statements sent,
 * the connection pool, and when each scheduled job last succeeded — labelled without community keys
 * or user ids. Health answers on both ports.
 */
class MonitoringIntegrationTests extends IntegrationTest {

  @LocalManagementPort int managementPort;

  @Autowired ScheduledTaskHolder scheduler;

  @Test
  void prometheus_scrapesOperationsErrorsSubscriptionsStatementsPoolAndJobs() throws Exception {
    graphql
        .query("query MonitoredCommunity { community(key: \"baiguoshu\") { name } }")
        .as("baiguoshu.admin")
        .execute();
    graphql
        .query("query MonitoredRefusal { viewer { displayName } }")
        .as("baiguoshu.resident")
        .header("X-Community", "xinhua")
        .execute();
    for (ScheduledTask task : scheduler.getScheduledTasks()) {
      if (task.getTask().getRunnable().toString().endsWith("ChangeLogRetention.run")) {
        task.getTask().getRunnable().run();
      }
    }

    try (GraphQlWebSocket board =
        GraphQlWebSocket.connectAs(port, "baiguoshu.supervisor", "baiguoshu")) {
      board.subscribe("1", "subscription { matterEvents { kind } }");
      String metrics =
          OperatorView.metricsShowing(managementPort, "rg_graphql_subscriptions_open 1.0");

      assertThat(metrics)
          .contains("rg_graphql_operations_seconds_bucket{")
          .containsPattern(
              "rg_graphql_operations_seconds_count\\{operation=\"MonitoredCommunity\",outcome=\"OK\"\\} \\d")
          .containsPattern(
              "rg_graphql_operations_seconds_count\\{operation=\"MonitoredRefusal\",outcome=\"COMMUNITY_FORBIDDEN\"\\}")
          .containsPattern("rg_graphql_errors_total\\{code=\"COMMUNITY_FORBIDDEN\"\\} \\d")
          .containsPattern("rg_sql_statements_total [1-9]")
          .contains("hikaricp_connections_active")
          .containsPattern(
              "rg_jobs_last_success_seconds\\{job=\"ChangeLogRetention.run\"\\} [1-9]");
      assertThat(metrics)
          .as("no community key or user in the labels")
          .doesNotContain("baiguoshu")
          .doesNotContain("xinhua")
          .doesNotContain("supervisor");
    }
  }

  @Test
  void metricsAreNotOnTheServicesPort_butHealthIsOnBoth() throws Exception {
    OperatorView.assertHealthOnBothPortsAndMetricsOnlyOnManagement(port, managementPort);
  }
}
