package org.redgovernance.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a tenant's cost depends on how many tenants share the database: the matter board of one
 * Baiguoshu-sized community, asked by one client at a time (latency, not throughput), on a database
 * of few and of many communities. Writes {@code infra/benchmark/FLATNESS.md}.
 */
final class Flatness {

  /** One database size's latencies for the board: the mean over the rounds of each server. */
  private record Measured(int communities, Mean platformApi, Mean postgraphile) {}

  /** Means of one server's rounds. */
  private record Mean(double p50Ms, double p99Ms, double sqlMs, double cpuMs) {
    static Mean of(List<LoadRun.Result> rounds) {
      return new Mean(
          rounds.stream().mapToDouble(LoadRun.Result::p50Ms).average().orElse(0),
          rounds.stream().mapToDouble(LoadRun.Result::p99Ms).average().orElse(0),
          rounds.stream().mapToDouble(LoadRun.Result::sqlMsPerRequest).average().orElse(0),
          rounds.stream().mapToDouble(LoadRun.Result::cpuMsPerRequest).average().orElse(0));
    }
  }

  private Flatness() {}

  static void run(Path root, String keycloakHome, List<Integer> sizes, int seconds, int rounds)
      throws Exception {
    Path work = root.resolve("target/benchmark");
    List<Measured> measured = new ArrayList<>();
    for (int communities : sizes) {
      try (BenchmarkStack stack = new BenchmarkStack(root, work)) {
        stack.start(communities, keycloakHome);
        BenchmarkQuery board =
            Harness.queries(stack, communities).stream()
                .filter(q -> q.name().equals("matter board"))
                .findFirst()
                .orElseThrow();
        String token = GraphQlClient.token(stack.keycloak().tokenEndpoint());
        EqualityCheck.verify(stack, List.of(board), token);
        try (Connection superuser = stack.superuser()) {
          String a = GraphQlClient.loadBody(board.platformApi());
          String b = GraphQlClient.loadBody(board.postgraphile());
          // warm up both, then one client at a time
          LoadRun.run(stack.platformApi(), superuser, token, board.community(), a, 4, 10, work);
          LoadRun.run(stack.postgraphile(), superuser, token, board.community(), b, 4, 10, work);
          token = GraphQlClient.token(stack.keycloak().tokenEndpoint());
          List<LoadRun.Result> x = new ArrayList<>();
          List<LoadRun.Result> y = new ArrayList<>();
          for (int round = 0; round < rounds; round++) {
            x.add(
                LoadRun.run(
                    stack.platformApi(), superuser, token, board.community(), a, 1, seconds, work));
            y.add(
                LoadRun.run(
                    stack.postgraphile(),
                    superuser,
                    token,
                    board.community(),
                    b,
                    1,
                    seconds,
                    work));
          }
          Measured m = new Measured(communities, Mean.of(x), Mean.of(y));
          measured.add(m);
          System.out.printf(
              Locale.ROOT,
              "flatness: %d communities: platform-api p50 %.2f ms p99 %.2f ms sql %.2f ms"
                  + " | PostGraphile p50 %.2f ms p99 %.2f ms sql %.2f ms%n",
              communities,
              m.platformApi().p50Ms(),
              m.platformApi().p99Ms(),
              m.platformApi().sqlMs(),
              m.postgraphile().p50Ms(),
              m.postgraphile().p99Ms(),
              m.postgraphile().sqlMs());
        }
      }
    }
    write(root.resolve("infra/benchmark/FLATNESS.md"), measured, seconds, rounds);
  }

  private static void write(Path file, List<Measured> measured, int seconds, int rounds)
      throws Exception {
    StringBuilder md = new StringBuilder();
    md.append("# Is a tenant's cost flat in the number of tenants?\n\n");
    md.append("Written by `infra/benchmark/run flatness` on ")
        .append(LocalDate.now())
        .append(".\n\n");
    md.append("- machine: ").append(Machine.describe()).append('\n');
    md.append(
        "- the matter board (50 matters with reporter, assignee, latest timeline entry, support"
            + " count) of one community at Baiguoshu's scale, one client at a time, "
            + rounds
            + " rounds of "
            + seconds
            + " s per server (A B A B) after a warm-up, on databases of different sizes (every"
            + " community at the same scale); SQL ms is the time PostgreSQL spent planning and"
            + " executing a request's statements, CPU ms the server's own\n\n");
    md.append(
        "| communities in the database | platform-api p50 ms | p99 ms | SQL ms | CPU ms |"
            + " PostGraphile p50 ms | p99 ms | SQL ms | CPU ms |\n"
            + "|---|---|---|---|---|---|---|---|---|\n");
    for (Measured m : measured) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n",
              m.communities(),
              m.platformApi().p50Ms(),
              m.platformApi().p99Ms(),
              m.platformApi().sqlMs(),
              m.platformApi().cpuMs(),
              m.postgraphile().p50Ms(),
              m.postgraphile().p99Ms(),
              m.postgraphile().sqlMs(),
              m.postgraphile().cpuMs()));
    }
    if (measured.size() >= 2) {
      Measured small = measured.get(0);
      Measured large = measured.get(measured.size() - 1);
      md.append(
          String.format(
              Locale.ROOT,
              "%nplatform-api's p50 with %d communities is %.1f %% of its p50 with %d (PostGraphile:"
                  + " %.1f %%); the target is within 10 %%.%n",
              large.communities(),
              100 * large.platformApi().p50Ms() / small.platformApi().p50Ms(),
              small.communities(),
              100 * large.postgraphile().p50Ms() / small.postgraphile().p50Ms()));
    }
    Files.writeString(file, md.toString());
    System.out.println("flatness: written to " + file);
  }
}
