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

  /** One database size's latencies for the board. */
  private record Measured(
      int communities, LoadRun.Result platformApi, LoadRun.Result postgraphile) {}

  private Flatness() {}

  static void run(Path root, String keycloakHome, List<Integer> sizes, int seconds)
      throws Exception {
    Path work = root.resolve("target/benchmark");
    List<Measured> measured = new ArrayList<>();
    for (int communities : sizes) {
      try (BenchmarkStack stack = new BenchmarkStack(root, work)) {
        stack.start(communities, keycloakHome);
        BenchmarkQuery board;
        try (Connection owner = stack.postgres().connectAsOwner()) {
          owner
              .createStatement()
              .executeQuery(
                  "SELECT set_config('rg.community_ids',"
                      + " (SELECT array_agg(id)::text FROM rg.community), false)")
              .close();
          board =
              BenchmarkQueries.all(owner, communities).stream()
                  .filter(q -> q.name().equals("matter board"))
                  .findFirst()
                  .orElseThrow();
        }
        String token = GraphQlClient.token(stack.keycloak().tokenEndpoint());
        EqualityCheck.verify(stack, List.of(board), token);
        try (Connection superuser = stack.superuser()) {
          String a = GraphQlClient.loadBody(board.platformApi());
          String b = GraphQlClient.loadBody(board.postgraphile());
          // warm up both, then one client at a time
          LoadRun.run(stack.platformApi(), superuser, token, board.community(), a, 4, 10, work);
          LoadRun.run(stack.postgraphile(), superuser, token, board.community(), b, 4, 10, work);
          token = GraphQlClient.token(stack.keycloak().tokenEndpoint());
          LoadRun.Result x =
              LoadRun.run(
                  stack.platformApi(), superuser, token, board.community(), a, 1, seconds, work);
          LoadRun.Result y =
              LoadRun.run(
                  stack.postgraphile(), superuser, token, board.community(), b, 1, seconds, work);
          measured.add(new Measured(communities, x, y));
          System.out.printf(
              Locale.ROOT,
              "flatness: %d communities: platform-api p50 %.2f ms p99 %.2f ms | PostGraphile p50 %.2f"
                  + " ms p99 %.2f ms%n",
              communities,
              x.p50Ms(),
              x.p99Ms(),
              y.p50Ms(),
              y.p99Ms());
        }
      }
    }
    write(root.resolve("infra/benchmark/FLATNESS.md"), measured, seconds);
  }

  private static void write(Path file, List<Measured> measured, int seconds) throws Exception {
    StringBuilder md = new StringBuilder();
    md.append("# Is a tenant's cost flat in the number of tenants?\n\n");
    md.append("Written by `infra/benchmark/run flatness` on ")
        .append(LocalDate.now())
        .append(".\n\n");
    md.append("- machine: ").append(Machine.describe()).append('\n');
    md.append(
        "- the matter board (50 matters with reporter, assignee, latest timeline entry, support"
            + " count) of one community at Baiguoshu's scale, one client at a time for "
            + seconds
            + " s after a warm-up, on databases of different sizes (every community at the same"
            + " scale)\n\n");
    md.append(
        "| communities in the database | platform-api p50 ms | platform-api p99 ms | PostGraphile"
            + " p50 ms | PostGraphile p99 ms |\n|---|---|---|---|---|\n");
    for (Measured m : measured) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.2f | %.2f | %.2f | %.2f |\n",
              m.communities(),
              m.platformApi().p50Ms(),
              m.platformApi().p99Ms(),
              m.postgraphile().p50Ms(),
              m.postgraphile().p99Ms()));
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
