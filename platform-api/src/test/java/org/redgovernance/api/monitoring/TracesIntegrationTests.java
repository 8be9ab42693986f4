package org.redgovernance.api.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.SeparateInstance;
import org.redgovernance.testing.OtlpCollector;
import org.redgovernance.testing.OtlpCollector.ReceivedSpan;
import org.redgovernance.testing.Tokens;

/**
 * Traces, as an operator's OpenTelemetry collector receives them once the OTLP endpoint is set: a
 * caller's W3C {@code traceparent} is continued (its trace id, the request's span a child of the
 * caller's), and the request's trace holds a span for each SQL statement it sent — with the
 * statement's text, never a value bound — and for the fetch of Keycloak's keys it waited for. A
 * request that no traceparent samples is not traced at the configured rate of 0.
 */
class TracesIntegrationTests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aCallersTraceIsContinuedWithTheStatementsAndTheKeycloakCallItWaitedFor() throws Exception {
    try (OtlpCollector collector = OtlpCollector.start();
        SeparateInstance api =
            SeparateInstance.onSharedDatabase(
                Map.of(
                    "management.opentelemetry.tracing.export.otlp.endpoint",
                    collector.tracesUrl(),
                    "management.tracing.sampling.probability",
                    "0"))) {
      String traceId = randomHex(16);
      String callersSpan = randomHex(8);
      HttpResponse<String> answer =
          post(
              api.port(),
              "{\"query\":\"query Traced { community(key: \\\"baiguoshu\\\") { name bodies { name } } }\"}",
              "00-" + traceId + "-" + callersSpan + "-01");
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("\"name\"");

      List<ReceivedSpan> spans =
          collector.await(
              traceId,
              received ->
                  received.stream().anyMatch(s -> s.parentSpanId().equals(callersSpan))
                      && received.stream()
                          .anyMatch(s -> s.attributes().containsKey("db.query.text"))
                      && received.stream().anyMatch(s -> s.name().equals("keycloak keys")));

      ReceivedSpan request =
          spans.stream()
              .filter(s -> s.parentSpanId().equals(callersSpan))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no span continues the caller's: " + spans));
      assertThat(request.name()).isEqualTo("http post /graphql");
      List<String> statements =
          spans.stream()
              .map(span -> span.attributes().get("db.query.text"))
              .filter(java.util.Objects::nonNull)
              .toList();
      assertThat(statements)
          .as("the statements the request sent — its scope, its bodies — within its trace")
          .hasSizeGreaterThanOrEqualTo(2)
          .anyMatch(sql -> sql.contains("resolve_scope"))
          .anyMatch(sql -> sql.contains("body"))
          .as("the statements' text, never the values bound")
          .noneMatch(sql -> sql.contains("baiguoshu"));
      assertThat(spans).anySatisfy(keys -> assertThat(keys.name()).isEqualTo("keycloak keys"));
      java.util.Set<String> spanIds =
          spans.stream().map(ReceivedSpan::spanId).collect(java.util.stream.Collectors.toSet());
      assertThat(spans)
          .as("every span hangs under the request's, none on its own")
          .allSatisfy(
              span ->
                  assertThat(
                          span.parentSpanId().equals(callersSpan)
                              || spanIds.contains(span.parentSpanId()))
                      .as(span.toString())
                      .isTrue());

      String unsampled = randomHex(16);
      post(
          api.port(),
          "{\"query\":\"{ community(key: \\\"baiguoshu\\\") { name } }\"}",
          "00-" + unsampled + "-" + randomHex(8) + "-00");
      Thread.sleep(6_000);
      assertThat(collector.trace(unsampled))
          .as("a trace its caller did not sample, at a rate of 0")
          .isEmpty();
    }
  }

  private static HttpResponse<String> post(int port, String body, String traceparent)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + Tokens.of("baiguoshu.admin"))
            .header("traceparent", traceparent)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
