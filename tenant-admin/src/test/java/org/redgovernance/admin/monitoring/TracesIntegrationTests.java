package org.redgovernance.admin.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.TenantAdminTest;
import org.redgovernance.testing.OtlpCollector;
import org.redgovernance.testing.OtlpCollector.Caller;
import org.redgovernance.testing.OtlpCollector.ReceivedSpan;
import org.redgovernance.testing.Tokens;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * tenant-admin's traces, as an operator's OpenTelemetry collector receives them once the OTLP
 * endpoint is set, as platform-api's: a caller's W3C {@code traceparent} is continued, and the
 * request's trace holds a span for each SQL statement it sent (the text, never a value bound) and
 * for the fetch of Keycloak's keys it waited for; a request that no traceparent samples is not
 * traced at the configured rate of 0.
 */
class TracesIntegrationTests extends TenantAdminTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final OtlpCollector COLLECTOR = collector();

  @DynamicPropertySource
  static void exportTraces(DynamicPropertyRegistry properties) {
    properties.add("management.opentelemetry.tracing.export.otlp.endpoint", COLLECTOR::tracesUrl);
    properties.add("management.tracing.sampling.probability", () -> "0");
  }

  @AfterAll
  static void stopCollector() {
    COLLECTOR.close();
  }

  @Test
  void aCallersTraceIsContinuedWithTheStatementsAndTheKeycloakCallItWaitedFor() throws Exception {
    Caller caller = Caller.sampling();
    HttpResponse<String> answer =
        post(
            "{\"query\":\"query Traced { registeredCommunities(streetKey: \\\"baishalu\\\") { key } }\"}",
            caller);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("baiguoshu");

    List<ReceivedSpan> spans =
        COLLECTOR.await(
            caller.traceId(),
            received ->
                received.stream().anyMatch(s -> s.parentSpanId().equals(caller.spanId()))
                    && received.stream().anyMatch(s -> s.attributes().containsKey("db.query.text"))
                    && received.stream().anyMatch(s -> s.name().startsWith("http get")));

    assertThat(OtlpCollector.continuing(spans, caller).name()).isEqualTo("http post /graphql");
    assertThat(
            spans.stream()
                .map(span -> span.attributes().get("db.query.text"))
                .filter(Objects::nonNull)
                .toList())
        .as("the statements the request sent, their text without the values bound")
        .anyMatch(sql -> sql.contains("community"))
        .noneMatch(sql -> sql.contains("baishalu"));
    assertThat(spans)
        .as("the fetch of the realm's keys the request waited for")
        .anySatisfy(
            keys ->
                assertThat(keys.attributes().values())
                    .anyMatch(value -> value.contains("protocol/openid-connect/certs")));
    Caller notSampling = Caller.notSampling();
    post("{\"query\":\"{ streets { key } }\"}", notSampling);
    COLLECTOR.assertNothingOf(notSampling, Duration.ofSeconds(6));
  }

  private HttpResponse<String> post(String body, Caller caller) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + Tokens.of("baishalu.admin"))
            .header("traceparent", caller.traceparent())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static OtlpCollector collector() {
    try {
      return OtlpCollector.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
