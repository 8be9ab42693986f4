package org.redgovernance.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What an operator's tools read from a service: a plain GET without a token (a probe, a script),
 * and the Prometheus page of its management port once it shows a given line.
 */
public final class OperatorView {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private OperatorView() {}

  /** GET {@code path} on loopback's {@code port}, without a token. */
  public static HttpResponse<String> get(int port, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Checks the ports as operators rely on them: metrics only on the management port (401 or 404 on
   * the service's), health on both — the management port's, and on the service's {@code /livez},
   * {@code /readyz} and the deprecated {@code /actuator/health} with its groups, the database among
   * its components.
   */
  public static void assertHealthOnBothPortsAndMetricsOnlyOnManagement(int port, int managementPort)
      throws IOException, InterruptedException {
    expect(get(port, "/actuator/prometheus").statusCode() / 10 == 40, "no metrics on " + port);
    expect(get(managementPort, "/actuator/health").statusCode() == 200, "health on management");
    HttpResponse<String> old = get(port, "/actuator/health");
    expect(old.statusCode() == 200 && old.body().contains("\"db\""), "old health: " + old.body());
    for (String path : new String[] {"/actuator/health/readiness", "/readyz", "/livez"}) {
      expect(get(port, path).statusCode() == 200, path + " on " + port);
    }
  }

  private static void expect(boolean holds, String what) {
    if (!holds) {
      throw new AssertionError("Expected " + what);
    }
  }

  /**
   * The metrics Prometheus scrapes from {@code managementPort}, once they contain {@code line}
   * (within 10 s; a failed assertion otherwise).
   */
  public static String metricsShowing(int managementPort, String line)
      throws IOException, InterruptedException {
    String metrics = "";
    for (int i = 0; i < 100; i++) {
      metrics = get(managementPort, "/actuator/prometheus").body();
      if (metrics.contains(line)) {
        return metrics;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("The metrics never showed " + line + ":\n" + metrics);
  }
}
