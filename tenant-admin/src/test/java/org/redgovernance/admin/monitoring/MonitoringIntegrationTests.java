package org.redgovernance.admin.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.OperatorView;
import org.redgovernance.testing.Tokens;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * tenant-admin is watched as platform-api is: Prometheus scrapes its operations by name and
 * outcome, errors by code, the connection pool and its scheduled jobs from the management port, and
 * only there, labelled without street or community keys or user ids; a request that failed leaves a
 * log line with its request id and the caller's pseudonym, never the account; health answers on
 * both ports, with {@code /livez} and {@code /readyz} on the service's.
 */
@ExtendWith(OutputCaptureExtension.class)
class MonitoringIntegrationTests extends TenantAdminTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalManagementPort int managementPort;

  @Test
  void prometheus_scrapesOperationsErrorsPoolAndJobs_withoutKeysOrUsers() throws Exception {
    assertThat(
            graphql
                .query("query MonitoredStreets { streets { key } }")
                .as("baishalu.admin")
                .execute()
                .hasErrors())
        .isFalse();
    graphql
        .query("query MonitoredMistake { streets { noSuchField } }")
        .as("baishalu.admin")
        .execute();

    String metrics =
        OperatorView.metricsShowing(
            managementPort, "rg_jobs_last_success_seconds{job=\"InvitationGrants.grantAccepted\"}");

    assertThat(metrics)
        .contains("rg_graphql_operations_seconds_bucket{")
        .containsPattern(
            "rg_graphql_operations_seconds_count\\{operation=\"MonitoredStreets\",outcome=\"OK\"\\} \\d")
        .containsPattern(
            "rg_graphql_operations_seconds_count\\{operation=\"MonitoredMistake\",outcome=\"GRAPHQL_VALIDATION_FAILED\"\\}")
        .containsPattern("rg_graphql_errors_total\\{code=\"GRAPHQL_VALIDATION_FAILED\"\\} \\d")
        .contains("hikaricp_connections_active")
        .contains("rg_graphql_subscriptions_open");
    assertThat(metrics)
        .as("no street, community or user in the labels")
        .doesNotContain("baishalu")
        .doesNotContain("baiguoshu");
  }

  @Test
  void metricsAreNotOnTheServicesPort_butHealthIsOnBoth() throws Exception {
    OperatorView.assertHealthOnBothPortsAndMetricsOnlyOnManagement(port, managementPort);
  }

  @Test
  void aFailedRequest_isLoggedWithItsIdAndAPseudonym_neverTheAccount(CapturedOutput output)
      throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Tokens.of("baishalu.viewer"))
                .header("X-Request-Id", "admin-req-1")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\"query LoggedMistake { streets { noSuchField } }\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.headers().firstValue("X-Request-Id")).contains("admin-req-1");
    String line =
        output
            .getAll()
            .lines()
            .filter(l -> l.contains("admin-req-1"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no log line of the request"));
    assertThat(line)
        .contains("LoggedMistake")
        .contains("GRAPHQL_VALIDATION_FAILED")
        .containsPattern("by [0-9a-f]{16} ")
        .doesNotContain("baishalu.viewer");
  }
}
