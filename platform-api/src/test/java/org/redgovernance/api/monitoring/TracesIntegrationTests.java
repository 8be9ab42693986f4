package org.redgovernance.api.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.SeparateInstance;
import org.redgovernance.testing.OtlpCollector;
import org.redgovernance.testing.OtlpCollector.Caller;
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
      Caller caller = Caller.sampling();
      HttpResponse<String> answer =
          post(
              api.port(),
              "{\"query\":\"query Traced { community(key: \\\"baiguoshu\\\") { name bodies { name } } }\"}",
              caller);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("\"name\"");

      List<ReceivedSpan> spans =
          collector.await(
              caller.traceId(),
              received ->
                  received.stream().anyMatch(s -> s.parentSpanId().equals(caller.spanId()))
                      && received.stream()
                          .anyMatch(s -> s.attributes().containsKey("db.query.text"))
                      && received.stream().anyMatch(s -> s.name().equals("keycloak keys")));

      assertThat(OtlpCollector.continuing(spans, caller).name()).isEqualTo("http post /graphql");
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
      Caller notSampling = Caller.notSampling();
      post(
          api.port(),
          "{\"query\":\"{ community(key: \\\"baiguoshu\\\") { name } }\"}",
          notSampling);
      collector.assertNothingOf(notSampling, Duration.ofSeconds(6));
    }
  }

  private static HttpResponse<String> post(int port, String body, Caller caller) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + Tokens.of("baiguoshu.admin"))
            .header("traceparent", caller.traceparent())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
