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
