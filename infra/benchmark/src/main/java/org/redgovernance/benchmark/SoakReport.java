package org.redgovernance.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code SOAK.md}: the soak's windows side by side, and the verdict. Flat means, last window
 * against the first: every request answered without error and on time (throughput within 2 % of the
 * offered rate), p99 at most 1.5× the first window's (or 25 ms more, on a machine this small), the
 * heap after a full GC at most 32 MiB above the first, database connections within the pool (plus
 * the LISTEN connection), open files at most 16 above the first; and no subscriber missed or heard
 * twice a matter reported during the run.
 */
final class SoakReport {

  private final int minutes;
  private final double rate;
  private final int writeEvery;
  private final int warmUpSeconds;
  private final List<Soak.Window> windows;
  private final Map<String, SoakLoad.Figures> perQuery;
  private final Set<String> reported;
  private final List<SoakSubscriber> subscribers;
  private final SoakTokens tokens;
  private final Instant started;

  SoakReport(
      int minutes,
      double rate,
      int writeEvery,
      int warmUpSeconds,
      List<Soak.Window> windows,
      Map<String, SoakLoad.Figures> perQuery,
      Set<String> reported,
      List<SoakSubscriber> subscribers,
      SoakTokens tokens,
      Instant started) {
    this.minutes = minutes;
    this.rate = rate;
    this.writeEvery = writeEvery;
    this.warmUpSeconds = warmUpSeconds;
    this.windows = windows;
    this.perQuery = perQuery;
    this.reported = reported;
    this.subscribers = subscribers;
    this.tokens = tokens;
    this.started = started;
  }

  /** What is not flat, one line each; empty when everything is. */
  List<String> failures() {
    List<String> failures = new ArrayList<>();
    Soak.Window first = windows.get(0);
    for (Soak.Window window : windows) {
      if (window.errors() > 0) {
        failures.add("window " + window.number() + ": " + window.errorKinds());
      }
      if (window.throughput() < rate * 0.98) {
        failures.add(
            "window %d answered %.1f requests/s of %.0f offered"
                .formatted(window.number(), window.throughput(), rate));
      }
      if (window.databaseConnections() > BenchmarkStack.POOL_SIZE + 1) {
        failures.add(
            "window %d: %d database connections for a pool of %d"
                .formatted(
                    window.number(), window.databaseConnections(), BenchmarkStack.POOL_SIZE));
      }
    }
    Soak.Window last = windows.get(windows.size() - 1);
    if (last.p99Ms() > Math.max(first.p99Ms() * 1.5, first.p99Ms() + 25)) {
      failures.add("p99 grew from %.1f ms to %.1f ms".formatted(first.p99Ms(), last.p99Ms()));
    }
    if (last.heapAfterGcMib() > first.heapAfterGcMib() + 32) {
      failures.add(
          "heap after GC grew from %.0f MiB to %.0f MiB"
              .formatted(first.heapAfterGcMib(), last.heapAfterGcMib()));
    }
    if (last.openFiles() > first.openFiles() + 16) {
      failures.add("open files grew from %d to %d".formatted(first.openFiles(), last.openFiles()));
    }
    Map<Integer, Integer> missed = Soak.missed(reported, subscribers);
    missed.forEach(
        (subscriber, count) -> {
          if (count > 0) {
            failures.add("subscriber " + subscriber + " missed " + count + " reported matters");
          }
        });
    for (int i = 0; i < subscribers.size(); i++) {
      if (subscribers.get(i).duplicates() > 0) {
        failures.add(
            "subscriber " + (i + 1) + " heard " + subscribers.get(i).duplicates() + " twice");
      }
    }
    if (reported.isEmpty()) {
      failures.add("no matter was reported");
    }
    return failures;
  }

  String verdict() {
    List<String> failures = failures();
    return failures.isEmpty() ? "flat" : "NOT flat: " + String.join("; ", failures);
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Soak: platform-api for ").append(minutes).append(" minutes\n\n");
    md.append("Written by `infra/benchmark/run soak ")
        .append(minutes)
        .append("` (issue 24), started ")
        .append(started)
        .append(". Do not edit by hand.\n\n");
    md.append("## Setup\n\n");
    md.append("- machine: ")
        .append(Machine.describeHost())
        .append(", PostgreSQL 17 (embedded)")
        .append('\n');
    md.append(
        "- data: the benchmark's %d communities at Baiguoshu's scale, platform-api's production jar (-Xmx1g), pool of %d connections\n"
            .formatted(50, BenchmarkStack.POOL_SIZE));
    md.append(
        "- load: %.0f requests/s at a fixed rate (an open workload: latency counts from when a request was due), every benchmark read in turn (%s), and every %d-th request reports a matter in another community\n"
            .formatted(rate, String.join(", ", new TreeMap<>(perQuery).keySet()), writeEvery));
    md.append(
        "- subscriptions: %d board apps on that community's matterEvents; each window one of them loses its connection halfway and resumes with `after` (its last position)\n"
            .formatted(subscribers.size()));
    md.append(
        "- tokens: one login, access tokens of 5 minutes renewed at 70 %% of their life with the refresh token (%d refreshes, %d logins), the new one handed to open subscriptions by a ping\n"
            .formatted(tokens.refreshes(), tokens.logins()));
    md.append(
        "- warm-up: %d s at the same load before the first window; heap after GC is read after a full collection (jcmd GC.run) at each window's end\n\n"
            .formatted(warmUpSeconds));
    md.append("## Windows\n\n");
    md.append(
        "| window | requests/s | p50 ms | p99 ms | max ms | errors | CPU ms/request | heap after GC MiB | RSS MiB | DB connections | open files | subscriptions |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Soak.Window w : windows) {
      md.append(
          "| %d | %.1f | %.1f | %.1f | %.0f | %d | %.2f | %.0f | %.0f | %d | %d | %d |\n"
              .formatted(
                  w.number(),
                  w.throughput(),
                  w.p50Ms(),
                  w.p99Ms(),
                  w.maxMs(),
                  w.errors(),
                  w.cpuMsPerRequest(),
                  w.heapAfterGcMib(),
                  w.rssMib(),
                  w.databaseConnections(),
                  w.openFiles(),
                  w.subscriptionsOpen()));
    }
    md.append("\n## Per query, whole run\n\n| query | requests | p50 ms | p99 ms | errors |\n");
    md.append("|---|---|---|---|---|\n");
    new TreeMap<>(perQuery)
        .forEach(
            (name, f) ->
                md.append(
                    "| %s | %d | %.1f | %.1f | %d |\n"
                        .formatted(
                            name,
                            f.requests(),
                            f.percentileMs(50),
                            f.percentileMs(99),
                            f.errors())));
    md.append("\n## Events\n\n");
    md.append("Matters reported: ").append(reported.size()).append(".\n\n");
    md.append("| subscriber | heard | missed | heard twice | resumed | close codes |\n");
    md.append("|---|---|---|---|---|---|\n");
    Map<Integer, Integer> missed = Soak.missed(reported, subscribers);
    for (int i = 0; i < subscribers.size(); i++) {
      SoakSubscriber s = subscribers.get(i);
      md.append(
          "| %d | %d | %d | %d | %d | %s |\n"
              .formatted(
                  i + 1,
                  s.reported().size(),
                  missed.get(i + 1),
                  s.duplicates(),
                  s.reconnects(),
                  new TreeMap<>(s.closeCodes())));
    }
    md.append("\n## Verdict\n\n");
    List<String> failures = failures();
    if (failures.isEmpty()) {
      md.append(
          "Flat: the last window is as good as the first by every rule of `SoakReport` (no"
              + " errors, the offered rate answered, p99 within 1.5× or 25 ms, heap after GC within"
              + " 32 MiB, connections within the pool, open files within 16, no event missed or"
              + " repeated).\n");
    } else {
      md.append("Not flat:\n\n");
      failures.forEach(f -> md.append("- ").append(f).append('\n'));
    }
    return md.toString();
  }
}
