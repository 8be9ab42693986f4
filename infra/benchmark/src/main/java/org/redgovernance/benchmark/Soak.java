package org.redgovernance.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code infra/benchmark/run soak [minutes]} (issue 24): platform-api on the benchmark's 50
 * communities under a mixed workload for half an hour — every benchmark read at a fixed rate, a
 * matter reported every so often, board apps subscribed to that community's matters (each dropped
 * once a window and resumed from its last position), and one login whose tokens expire and are
 * refreshed throughout. Six windows, each with its throughput, p50/p99, errors, heap after a full
 * GC, database connections, open file descriptors and resident memory; the verdict says whether the
 * last window is as good as the first. Writes {@code infra/benchmark/SOAK.md}.
 */
final class Soak {

  private static final int COMMUNITIES = 50;
  private static final int WINDOWS = 6;
  private static final int SUBSCRIBERS = 3;

  /** One window's figures. */
  record Window(
      int number,
      long requests,
      double seconds,
      long errors,
      List<String> errorKinds,
      double p50Ms,
      double p99Ms,
      double maxMs,
      double cpuMsPerRequest,
      double heapAfterGcMib,
      double rssMib,
      int databaseConnections,
      int openFiles,
      int subscriptionsOpen) {

    double throughput() {
      return requests / seconds;
    }
  }

  private Soak() {}

  static void run(Path root, String keycloakHome, int minutes) throws Exception {
    double rate = Double.parseDouble(System.getProperty("rg.soak.rate", "30"));
    int writeEvery = Integer.getInteger("rg.soak.write-every", 30);
    int warmUpSeconds = Integer.getInteger("rg.soak.warm-up", 120);
    long windowMillis = minutes * 60_000L / WINDOWS;
    Path work = root.resolve("target/benchmark");
    try (BenchmarkStack stack = new BenchmarkStack(root, work)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
      stack.start(COMMUNITIES, keycloakHome, false);
      List<BenchmarkQuery> reads =
          Harness.queries(stack, COMMUNITIES).stream().filter(q -> !q.mutation()).toList();
      String writeCommunity = BenchmarkQueries.mutationCommunity(COMMUNITIES);
      SoakTokens tokens = new SoakTokens(stack.keycloak().tokenEndpoint());
      List<SoakSubscriber> subscribers = new ArrayList<>();
      for (int i = 0; i < SUBSCRIBERS; i++) {
        SoakSubscriber subscriber =
            new SoakSubscriber("ws://127.0.0.1:18080/graphql", writeCommunity, tokens);
        subscriber.connect();
        subscribers.add(subscriber);
      }
      SoakLoad load =
          new SoakLoad(
              stack.platformApi().graphqlUrl(), tokens, reads, writeCommunity, rate, writeEvery);
      long pid = stack.platformApi().pid();
      Instant started = Instant.now();
      load.start();
      System.out.printf("soak: warming up for %d s at %.0f requests/s%n", warmUpSeconds, rate);
      keepAlive(tokens, subscribers, warmUpSeconds * 1000L, -1);
      load.nextWindow();
      List<Window> windows = new ArrayList<>();
      try (Connection superuser = stack.superuser()) {
        for (int number = 1; number <= WINDOWS; number++) {
          double cpuBefore = ProcessMeter.cpuMillis(pid);
          long windowStart = System.nanoTime();
          // one subscriber loses its connection mid-window and must resume where it was
          keepAlive(tokens, subscribers, windowMillis, number % SUBSCRIBERS);
          SoakLoad.Figures figures = load.nextWindow();
          double seconds = (System.nanoTime() - windowStart) / 1e9;
          double cpu = ProcessMeter.cpuMillis(pid) - cpuBefore;
          Window window =
              new Window(
                  number,
                  figures.requests(),
                  seconds,
                  figures.errors(),
                  SoakLoad.describeErrors(figures.errorKinds()),
                  figures.percentileMs(50),
                  figures.percentileMs(99),
                  figures.percentileMs(100),
                  cpu / Math.max(1, figures.requests()),
                  heapAfterFullGcMib(pid),
                  ProcessMeter.residentMib(pid),
                  databaseConnections(superuser),
                  openFiles(pid),
                  subscriptionsOpen());
          windows.add(window);
          System.out.printf(
              "soak: window %d: %.1f req/s, p50 %.1f ms, p99 %.1f ms, %d errors %s, heap after GC"
                  + " %.0f MiB, RSS %.0f MiB, %d connections, %d files, %d subscriptions%n",
              number,
              window.throughput(),
              window.p50Ms(),
              window.p99Ms(),
              window.errors(),
              window.errorKinds(),
              window.heapAfterGcMib(),
              window.rssMib(),
              window.databaseConnections(),
              window.openFiles(),
              window.subscriptionsOpen());
        }
      }
      load.stop();
      // the last reports' events are on their way to the subscribers
      keepAlive(tokens, subscribers, 10_000, -1);
      subscribers.forEach(SoakSubscriber::close);
      SoakReport report =
          new SoakReport(
              minutes,
              rate,
              writeEvery,
              warmUpSeconds,
              windows,
              load.perQuery(),
              load.reportedMatters(),
              subscribers,
              tokens,
              started);
      Path file = root.resolve("infra/benchmark/SOAK.md");
      Files.writeString(file, report.markdown(), StandardCharsets.UTF_8);
      System.out.println("soak: " + report.verdict() + "; written to " + file);
    }
  }

  /**
   * Waits this long while keeping the login and the subscriptions alive: the token renewed when due
   * and handed to every open subscription, closed subscriptions resumed; subscriber {@code drop}
   * (if not negative) loses its connection halfway through.
   */
  private static void keepAlive(
      SoakTokens tokens, List<SoakSubscriber> subscribers, long millis, int drop)
      throws IOException, InterruptedException {
    long end = System.nanoTime() + millis * 1_000_000;
    long dropAt = System.nanoTime() + millis * 500_000;
    boolean dropped = drop < 0;
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(2_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      if (tokens.renewIfDue()) {
        subscribers.forEach(SoakSubscriber::renewToken);
      }
      if (!dropped && System.nanoTime() >= dropAt) {
        subscribers.get(drop).drop();
        dropped = true;
      }
      for (SoakSubscriber subscriber : subscribers) {
        subscriber.reconnectIfClosed();
      }
    }
  }

  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

  /** The heap in use right after a full collection (jcmd GC.run, then GC.heap_info). */
  private static double heapAfterFullGcMib(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
    return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid),
                command)
            .redirectErrorStream(true)
            .start();
    String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    return output;
  }

  /** Connections platform-api's role holds to PostgreSQL: its pool and its LISTEN connection. */
  private static int databaseConnections(Connection superuser) throws SQLException {
    try (ResultSet row =
        superuser
            .createStatement()
            .executeQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = 'rg_api'")) {
      row.next();
      return row.getInt(1);
    }
  }

  private static int openFiles(long pid) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      return (int) files.count();
    }
  }

  /** rg_graphql_subscriptions_open, as the management port's Prometheus endpoint says. */
  private static int subscriptionsOpen() throws IOException, InterruptedException {
    String metrics =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:18090/actuator/prometheus"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher open =
        Pattern.compile("(?m)^rg_graphql_subscriptions_open(?:\\{[^}]*\\})? ([0-9.eE+]+)$")
            .matcher(metrics);
    return open.find() ? (int) Double.parseDouble(open.group(1)) : -1;
  }

  /** The matters each subscriber missed, of those the load reported. */
  static Map<Integer, Integer> missed(Set<String> reported, List<SoakSubscriber> subscribers) {
    Map<Integer, Integer> missed = new TreeMap<>();
    for (int i = 0; i < subscribers.size(); i++) {
      Set<String> left = new HashSet<>(reported);
      left.removeAll(subscribers.get(i).reported());
      missed.put(i + 1, left.size());
    }
    return missed;
  }
}
