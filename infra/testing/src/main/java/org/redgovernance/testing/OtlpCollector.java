package org.redgovernance.testing;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for an OpenTelemetry collector on loopback: it takes what an OTLP/HTTP exporter posts
 * to {@code /v1/traces} (protobuf, gzipped or not), answers 200 as a collector does, and keeps the
 * spans for a test to read.
 */
public final class OtlpCollector implements AutoCloseable {

  /** One span as received. */
  public record ReceivedSpan(
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      Map<String, String> attributes) {}

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

  private OtlpCollector() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/traces",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            InputStream raw =
                "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(body)
                    : body;
            receive(ExportTraceServiceRequest.parseFrom(raw));
          }
          exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().close();
        });
    server.start();
  }

  public static OtlpCollector start() throws IOException {
    return new OtlpCollector();
  }

  /** A caller of a traced service: a new trace and the caller's own span in it. */
  public record Caller(String traceId, String spanId, boolean sampled) {

    /** A caller that samples its trace: the service must continue it. */
    public static Caller sampling() {
      return new Caller(randomHex(16), randomHex(8), true);
    }

    /** A caller that does not sample its trace: at a rate of 0, the service traces nothing. */
    public static Caller notSampling() {
      return new Caller(randomHex(16), randomHex(8), false);
    }

    /** Its W3C traceparent header. */
    public String traceparent() {
      return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }
  }

  /**
   * The service's span that continues the caller's, after checking that every span of the trace
   * hangs under it or the caller's, none on its own.
   */
  public static ReceivedSpan continuing(List<ReceivedSpan> spans, Caller caller) {
    ReceivedSpan request =
        spans.stream()
            .filter(span -> span.parentSpanId().equals(caller.spanId()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no span continues the caller's: " + spans));
    Set<String> spanIds = spans.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
    for (ReceivedSpan span : spans) {
      if (!span.parentSpanId().equals(caller.spanId()) && !spanIds.contains(span.parentSpanId())) {
        throw new AssertionError("a span on its own, outside the request's: " + span);
      }
    }
    return request;
  }

  /** Fails if anything of the caller's trace arrives within {@code wait}. */
  public void assertNothingOf(Caller caller, Duration wait) throws InterruptedException {
    Thread.sleep(wait.toMillis());
    if (!trace(caller.traceId()).isEmpty()) {
      throw new AssertionError("traced: " + trace(caller.traceId()));
    }
  }

  /** Where an exporter sends its traces. */
  public String tracesUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
  }

  /** The spans of this trace received so far. */
  public List<ReceivedSpan> trace(String traceId) {
    return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
  }

  /** Every span received, of any trace. */
  public List<ReceivedSpan> all() {
    return List.copyOf(spans);
  }

  /** The trace's spans once {@code complete} holds for them, or what came within 30 s. */
  public List<ReceivedSpan> await(String traceId, Predicate<List<ReceivedSpan>> complete)
      throws InterruptedException {
    long giveUp = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < giveUp && !complete.test(trace(traceId))) {
      Thread.sleep(200);
    }
    return trace(traceId);
  }

  private void receive(ExportTraceServiceRequest request) {
    HexFormat hex = HexFormat.of();
    for (ResourceSpans resource : request.getResourceSpansList()) {
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        for (Span span : scope.getSpansList()) {
          spans.add(
              new ReceivedSpan(
                  hex.formatHex(span.getTraceId().toByteArray()),
                  hex.formatHex(span.getSpanId().toByteArray()),
                  hex.formatHex(span.getParentSpanId().toByteArray()),
                  span.getName(),
                  span.getAttributesList().stream()
                      .collect(
                          Collectors.toMap(
                              KeyValue::getKey,
                              attribute -> attribute.getValue().getStringValue(),
                              (first, second) -> first))));
        }
      }
    }
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
