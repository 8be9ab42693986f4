package org.redgovernance.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of a run as a markdown report: per query, platform-api against PostGraphile. */
final class Report {

  /** The rounds of one query on both servers. */
  record Compared(
      BenchmarkQuery query,
      List<LoadRun.Result> platformApi,
      List<LoadRun.Result> postgraphile,
      double aloneMsPlatformApi,
      double aloneMsPostgraphile) {}

  private final List<Compared> rows = new ArrayList<>();
  private final Map<String, String> setup = new LinkedHashMap<>();

  void setup(String name, String value) {
    setup.put(name, value);
  }

  void add(Compared compared) {
    rows.add(compared);
    System.out.println(line(compared));
  }

  void write(Path file) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# platform-api and PostGraphile 5, side by side\n\n");
    md.append("Written by `infra/benchmark/run` on ").append(LocalDate.now()).append(".\n\n");
    for (Map.Entry<String, String> entry : setup.entrySet()) {
      md.append("- ").append(entry.getKey()).append(": ").append(entry.getValue()).append('\n');
    }
    md.append(
        "\nRatios are platform-api ÷ PostGraphile: above 1 is better for throughput, below 1 is"
            + " better for latency and CPU. Each figure is the mean of the timed rounds.\n\n");
    md.append(
        "| query | req/s platform-api | req/s PostGraphile | throughput ratio | p50 ms (A / B) |"
            + " p50 ratio | p99 ms (A / B) | p99 ratio | SQL statements / request (A / B) |"
            + " SQL ms / request (A / B) | CPU ms / request (A / B) | CPU ratio | RSS MiB (A / B) |"
            + " errors (A / B) | one at a time ms (A / B) |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Compared row : rows.stream().filter(row -> row.query().compared()).toList()) {
      Mean a = new Mean(row.platformApi());
      Mean b = new Mean(row.postgraphile());
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.0f | **%.2f** | %.1f / %.1f | %.2f | %.1f / %.1f | %.2f | %.1f / %.1f |"
                  + " %.2f / %.2f | %.2f / %.2f | %.2f | %.0f / %.0f | %d / %d | %.1f / %.1f |\n",
              row.query().name(),
              a.throughput,
              b.throughput,
              a.throughput / b.throughput,
              a.p50,
              b.p50,
              a.p50 / b.p50,
              a.p99,
              b.p99,
              a.p99 / b.p99,
              a.statements,
              b.statements,
              a.sql,
              b.sql,
              a.cpu,
              b.cpu,
              a.cpu / b.cpu,
              a.rss,
              b.rss,
              a.errors,
              b.errors,
              row.aloneMsPlatformApi(),
              row.aloneMsPostgraphile()));
    }
    List<Compared> alone = rows.stream().filter(row -> !row.query().compared()).toList();
    if (!alone.isEmpty()) {
      md.append(
          "\nplatform-api alone: PostGraphile has no counterpart of these (its users would write"
              + " the ranking and the series as a SQL function of their own, which would then be"
              + " timed against itself).\n\n");
      md.append(
          "| query | req/s | p50 ms | p99 ms | SQL statements / request | SQL ms / request |"
              + " CPU ms / request | RSS MiB | errors | one at a time ms |\n");
      md.append("|---|---|---|---|---|---|---|---|---|---|\n");
      for (Compared row : alone) {
        Mean a = new Mean(row.platformApi());
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %.0f | %.1f | %.1f | %.1f | %.2f | %.2f | %.0f | %d | %.1f |\n",
                row.query().name(),
                a.throughput,
                a.p50,
                a.p99,
                a.statements,
                a.sql,
                a.cpu,
                a.rss,
                a.errors,
                row.aloneMsPlatformApi()));
      }
    }
    md.append("\nWhat each query asks:\n\n");
    for (Compared row : rows) {
      md.append("- **")
          .append(row.query().name())
          .append("**: ")
          .append(row.query().description())
          .append('\n');
    }
    Files.writeString(file, md.toString());
  }

  private static String line(Compared row) {
    Mean a = new Mean(row.platformApi());
    if (!row.query().compared()) {
      return String.format(
          Locale.ROOT,
          "benchmark: %-14s platform-api %6.0f req/s p50 %5.1f ms p99 %6.1f ms %4.1f stmt %5.2f"
              + " sql-ms %5.2f cpu-ms, one at a time %5.1f ms | alone",
          row.query().name(),
          a.throughput,
          a.p50,
          a.p99,
          a.statements,
          a.sql,
          a.cpu,
          row.aloneMsPlatformApi());
    }
    Mean b = new Mean(row.postgraphile());
    return String.format(
        Locale.ROOT,
        "benchmark: %-14s platform-api %6.0f req/s p50 %5.1f ms p99 %6.1f ms %4.1f stmt %5.2f sql-ms"
            + " %5.2f cpu-ms | PostGraphile %6.0f req/s p50 %5.1f ms p99 %6.1f ms %4.1f stmt %5.2f"
            + " sql-ms %5.2f cpu-ms"
            + " | throughput ×%.2f",
        row.query().name(),
        a.throughput,
        a.p50,
        a.p99,
        a.statements,
        a.sql,
        a.cpu,
        b.throughput,
        b.p50,
        b.p99,
        b.statements,
        b.sql,
        b.cpu,
        a.throughput / b.throughput);
  }

  /** Means over rounds. */
  private static final class Mean {
    final double throughput;
    final double p50;
    final double p99;
    final double statements;
    final double sql;
    final double cpu;
    final double rss;
    final long errors;

    Mean(List<LoadRun.Result> results) {
      throughput = results.stream().mapToDouble(LoadRun.Result::throughput).average().orElse(0);
      p50 = results.stream().mapToDouble(LoadRun.Result::p50Ms).average().orElse(0);
      p99 = results.stream().mapToDouble(LoadRun.Result::p99Ms).average().orElse(0);
      statements =
          results.stream().mapToDouble(LoadRun.Result::statementsPerRequest).average().orElse(0);
      sql = results.stream().mapToDouble(LoadRun.Result::sqlMsPerRequest).average().orElse(0);
      cpu = results.stream().mapToDouble(LoadRun.Result::cpuMsPerRequest).average().orElse(0);
      rss = results.stream().mapToDouble(LoadRun.Result::rssMib).max().orElse(0);
      errors = results.stream().mapToLong(LoadRun.Result::errors).sum();
    }
  }
}
