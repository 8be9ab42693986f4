package org.redgovernance.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;

/**
 * The soak's requests, at a fixed rate whatever the server's answers take (an open workload, as
 * real users are: a slow answer does not slow the next arrival, so a server that falls behind shows
 * it in the latency rather than hiding it by being asked less). Every benchmark read in turn, and a
 * matter reported every {@code writeEvery}-th request. A request's latency counts from when it was
 * due, not from when it could be sent. Figures are collected per window and per query.
 */
final class SoakLoad {

  /** Requests outstanding beyond which the next due one is counted as an error, not sent. */
  private static final int MAX_OUTSTANDING = 256;

  static final String REPORT_MATTER =
      "mutation($key: String!) { reportMatter(input: {communityKey: $key, title: \""
          + BenchmarkQueries.REPORTED_TITLE
          + "\", description: \"3号楼北侧消防通道被电动车堵塞\", category: SAFETY, source:"
          + " GRID_PATROL}) { matter { id status } errors { code } } }";

  /** What one window (or the whole run, per query) measured. */
  static final class Figures {
    private long[] micros = new long[1024];
    private int count;
    private long errors;
    private final Map<String, Integer> errorKinds = new LinkedHashMap<>();

    synchronized void add(long latencyMicros, String error) {
      if (count == micros.length) {
        micros = Arrays.copyOf(micros, count * 2);
      }
      micros[count++] = latencyMicros;
      if (error != null) {
        errors++;
        errorKinds.merge(error, 1, Integer::sum);
      }
    }

    synchronized long requests() {
      return count;
    }

    synchronized long errors() {
      return errors;
    }

    synchronized Map<String, Integer> errorKinds() {
      return new LinkedHashMap<>(errorKinds);
    }

    /** The latency at this percentile, in milliseconds. */
    synchronized double percentileMs(double percentile) {
      if (count == 0) {
        return Double.NaN;
      }
      long[] sorted = Arrays.copyOf(micros, count);
      Arrays.sort(sorted);
      int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
      return sorted[Math.max(0, Math.min(count - 1, index))] / 1000.0;
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newFixedThreadPool(4))
          .build();
  private final String url;
  private final SoakTokens tokens;
  private final List<BenchmarkQuery> reads;
  private final String writeCommunity;
  private final double ratePerSecond;
  private final int writeEvery;
  private final AtomicInteger outstanding = new AtomicInteger();
  private final Map<String, Figures> perQuery = new ConcurrentHashMap<>();
  private final Set<String> reportedMatters = ConcurrentHashMap.newKeySet();
  private volatile Figures window = new Figures();
  private volatile boolean running;
  private Thread arrivals;

  SoakLoad(
      String url,
      SoakTokens tokens,
      List<BenchmarkQuery> reads,
      String writeCommunity,
      double ratePerSecond,
      int writeEvery) {
    this.url = url;
    this.tokens = tokens;
    this.reads = reads;
    this.writeCommunity = writeCommunity;
    this.ratePerSecond = ratePerSecond;
    this.writeEvery = writeEvery;
  }

  void start() {
    running = true;
    arrivals = new Thread(this::arrive, "soak-arrivals");
    arrivals.start();
  }

  /** This window's figures, and a fresh window from now on. */
  Figures nextWindow() {
    Figures finished = window;
    window = new Figures();
    return finished;
  }

  /** Stops sending and waits (up to 30 s) for the answers still outstanding. */
  void stop() throws InterruptedException {
    running = false;
    arrivals.join();
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (outstanding.get() > 0 && System.nanoTime() < giveUp) {
      Thread.sleep(50);
    }
  }

  Map<String, Figures> perQuery() {
    return perQuery;
  }

  /** The ids of the matters this load reported, each as its answer gave it. */
  Set<String> reportedMatters() {
    return reportedMatters;
  }

  private void arrive() {
    long interval = (long) (1e9 / ratePerSecond);
    long due = System.nanoTime();
    long sequence = 0;
    int read = 0;
    while (running) {
      due += interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      sequence++;
      if (sequence % writeEvery == 0) {
        send("report matter", writeCommunity, reportBody(), due, true);
      } else {
        BenchmarkQuery query = reads.get(read++ % reads.size());
        send(query.name(), query.community(), GraphQlClient.body(query.platformApi()), due, false);
      }
    }
  }

  private String reportBody() {
    return GraphQlClient.JSON.writeValueAsString(
        Map.of("query", REPORT_MATTER, "variables", Map.of("key", writeCommunity)));
  }

  private void send(String name, String community, String body, long due, boolean write) {
    Figures query = perQuery.computeIfAbsent(name, n -> new Figures());
    if (outstanding.get() >= MAX_OUTSTANDING) {
      record(query, due, "not sent: " + MAX_OUTSTANDING + " requests outstanding");
      return;
    }
    outstanding.incrementAndGet();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + tokens.accessToken())
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (community != null) {
      request.header("X-Community", community);
    }
    http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, failure) -> {
              outstanding.decrementAndGet();
              record(query, due, problem(response, failure, write));
            });
  }

  private String problem(HttpResponse<String> response, Throwable failure, boolean write) {
    if (failure != null) {
      return failure.getClass().getSimpleName();
    }
    if (response.statusCode() != 200) {
      return "HTTP " + response.statusCode();
    }
    JsonNode answer = GraphQlClient.JSON.readTree(response.body());
    JsonNode errors = answer.path("errors");
    if (!errors.isEmpty()) {
      return errors.get(0).path("extensions").path("code").asString("error");
    }
    if (write) {
      JsonNode payload = answer.path("data").path("reportMatter");
      if (!payload.path("errors").isEmpty()) {
        return payload.path("errors").get(0).path("code").asString();
      }
      reportedMatters.add(payload.path("matter").path("id").asString());
    }
    return null;
  }

  private void record(Figures query, long due, String error) {
    long micros = (System.nanoTime() - due) / 1000;
    query.add(micros, error);
    window.add(micros, error);
  }

  static List<String> describeErrors(Map<String, Integer> kinds) {
    List<String> described = new ArrayList<>();
    kinds.forEach((kind, count) -> described.add(count + "× " + kind));
    return described;
  }
}
