package org.redgovernance.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;

/**
 * As production runs it, the request log writes a line for a request that failed or was slow, and
 * none for a quick one that went well: those are counted in the metrics instead.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTests {

  private final RequestLog log = new RequestLog("key", false, Duration.ofSeconds(1));

  @Test
  void aQuickRequestThatWentWell_leavesNoLine(CapturedOutput output) {
    answer("req-ok", ExecutionResult.newExecutionResult().data(Map.of("a", 1)).build());

    assertThat(output.getAll()).doesNotContain("graphql req-ok ");
  }

  @Test
  void aFailedRequest_leavesItsLineWithItsCode(CapturedOutput output) {
    answer(
        "req-refused",
        ExecutionResult.newExecutionResult()
            .errors(
                List.of(
                    GraphqlErrorBuilder.newError()
                        .message("no")
                        .extensions(Map.of("code", "FORBIDDEN"))
                        .build()))
            .build());

    assertThat(output.getAll()).contains("graphql req-refused Probe by - in -: FORBIDDEN in ");
  }

  private void answer(String requestId, ExecutionResult result) {
    HttpHeaders headers = new HttpHeaders();
    headers.add("X-Request-Id", requestId);
    @SuppressWarnings("removal")
    WebGraphQlRequest request =
        new WebGraphQlRequest(
            URI.create("http://127.0.0.1/graphql"),
            headers,
            new LinkedMultiValueMap<>(),
            Map.of(),
            Map.of("query", "query Probe { a }"),
            "1",
            null);
    WebGraphQlResponse answered =
        log.intercept(
                request,
                next ->
                    Mono.just(
                        new WebGraphQlResponse(
                            new DefaultExecutionGraphQlResponse(
                                ExecutionInput.newExecutionInput("query Probe { a }").build(),
                                result))))
            .block(Duration.ofSeconds(5));
    assertThat(answered.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo(requestId);
  }
}
