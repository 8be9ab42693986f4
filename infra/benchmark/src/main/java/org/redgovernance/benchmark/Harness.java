package org.redgovernance.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's one command ({@code infra/benchmark/run}). {@code run [communities]} starts the
 * stack, checks that both servers give the same data, then times every query on each server in turn
 * (A B A B, after a warm-up of each) and writes {@code infra/benchmark/REPORT.md}. {@code serve
 * [communities]} only starts the stack, to explore both servers by hand.
 */
public final class Harness {

  private static final int CONNECTIONS = 10;

  private Harness() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "run";
    if (mode.equals("soak")) {
      Soak.run(
          Path.of(System.getProperty("rg.root", ".")).toAbsolutePath().normalize(),
          Path.of(System.getProperty("rg.keycloak.home")).toAbsolutePath().toString(),
          args.length > 1 ? Integer.parseInt(args[1]) : 30);
      return;
    }
    if (mode.equals("flatness")) {
      List<Integer> sizes = new ArrayList<>();
      for (int i = 1; i < args.length; i++) {
        sizes.add(Integer.parseInt(args[i]));
      }
      Flatness.run(
          Path.of(System.getProperty("rg.root", ".")).toAbsolutePath().normalize(),
          Path.of(System.getProperty("rg.keycloak.home")).toAbsolutePath().toString(),
          sizes.isEmpty() ? List.of(5, 500) : sizes,
          Integer.parseInt(System.getProperty("rg.benchmark.seconds", "15")),
          Integer.parseInt(System.getProperty("rg.benchmark.rounds", "2")));
      return;
    }
    int communities = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int seconds = Integer.parseInt(System.getProperty("rg.benchmark.seconds", "15"));
    int rounds = Integer.parseInt(System.getProperty("rg.benchmark.rounds", "2"));
    int warmUp = Integer.parseInt(System.getProperty("rg.benchmark.warm-up", "20"));
    Path root = Path.of(System.getProperty("rg.root", ".")).toAbsolutePath().normalize();
    String keycloakHome =
        Path.of(System.getProperty("rg.keycloak.home")).toAbsolutePath().toString();
    Path work = root.resolve("target/benchmark");
    try (BenchmarkStack stack = new BenchmarkStack(root, work)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
      stack.start(communities, keycloakHome);
      if (mode.equals("serve")) {
        System.out.println(
            "Serving; log in as "
                + BenchmarkRealm.USER
                + " (password demo) at "
                + stack.keycloak().tokenEndpoint()
                + ". Ctrl-C stops.");
        Thread.currentThread().join();
        return;
      }
      List<BenchmarkQuery> queries = queries(stack, communities);
      // a few queries only, to look into one figure without the half hour of all of them; their
      // report does not replace the committed one
      String only = System.getProperty("rg.benchmark.only", "").strip();
      if (!only.isEmpty()) {
        List<String> names = List.of(only.split("\\s*,\\s*"));
        queries = queries.stream().filter(query -> names.contains(query.name())).toList();
        if (queries.size() != names.size()) {
          throw new IllegalArgumentException("RG_BENCHMARK_ONLY names unknown queries: " + only);
        }
      }
      String token = GraphQlClient.token(stack.keycloak().tokenEndpoint());
      EqualityCheck.verify(stack, queries, token);
      Report report = new Report();
      report.setup("command", "`infra/benchmark/run " + communities + "`");
      report.setup("machine", Machine.describe());
      report.setup(
          "data",
          communities
              + " communities at Baiguoshu's scale (708 households, about 2,500 residents, 338"
              + " party members each) with a year of notices, matters and weekly briefings, and 16"
              + " weeks of daily metric snapshots");
      report.setup(
          "load",
          "wrk (ahead of both servers in the scheduler: nice -10), 1 thread, "
              + CONNECTIONS
              + " connections, "
              + rounds
              + " timed rounds of "
              + seconds
              + " s per server and query (A B A B) after a warm-up of "
              + warmUp
              + " s per server and read, then each server warmed on each query until its"
              + " throughput is steady ("
              + SteadyState.describe()
              + "); both servers with a"
              + " pool of "
              + BenchmarkStack.POOL_SIZE
              + " connections as rg_api, the same row-level security and tenant settings");
      report.setup(
          "plans",
          "platform-api's tenant context asks PostgreSQL for generic plans (plan_cache_mode ="
              + " force_generic_plan, for its own transactions only); PostGraphile runs with the"
              + " server's default (auto), as its users would. platform-api keeps the statement"
              + " it compiled for a query's root field (read plans, per operation, variables,"
              + " caller and day) and sends it again with the request's clock bound anew, as"
              + " PostGraphile keeps its operation plans; a mutation's payload is read back"
              + " from the plan of its selection, the new object's id bound anew");
      try (Connection superuser = stack.superuser()) {
        // a quiet database for both servers: freshly loaded tables would otherwise be vacuumed,
        // their pages' hint bits written and flushed, in whichever server's rounds come first;
        // and the matters an earlier run reported, deleted above, leave no dead rows behind
        superuser.createStatement().execute("VACUUM ANALYZE");
        superuser.createStatement().execute("CHECKPOINT");
        // Both servers first answer every read for a while, so that the timed rounds see them
        // compiled and warm: on two busy cores the JVM's compilers need a minute or more of load
        // before platform-api reaches its steady state, and a query's own short warm-up below
        // would otherwise time its first minute (each query is then warmed on its own until
        // steady, below, which is what the mutation relies on). Not the mutation here: the
        // thousands of matters it
        // adds to another community would be read past by PostGraphile's board, which finds the
        // community's matters through row-level security alone.
        for (BenchmarkQuery query : queries) {
          if (query.mutation()) {
            continue;
          }
          token = GraphQlClient.token(stack.keycloak().tokenEndpoint());
          LoadRun.run(
              stack.platformApi(),
              superuser,
              token,
              query.community(),
              GraphQlClient.loadBody(query.platformApi()),
              CONNECTIONS,
              warmUp,
              work);
          if (query.compared()) {
            LoadRun.run(
                stack.postgraphile(),
                superuser,
                token,
                query.community(),
                GraphQlClient.loadBody(query.postgraphile()),
                CONNECTIONS,
                warmUp,
                work);
          }
        }
        for (BenchmarkQuery query : queries) {
          String platformBody = GraphQlClient.loadBody(query.platformApi());
          // a mutation's row id stays "$UUID" here; the load script makes a fresh one per request
          String postgraphileBody =
              query.compared() ? GraphQlClient.loadBody(query.postgraphile()) : null;
          List<LoadRun.Result> a = new ArrayList<>();
          List<LoadRun.Result> b = new ArrayList<>();
          List<BenchmarkStack.Server> servers =
              query.compared()
                  ? List.of(stack.platformApi(), stack.postgraphile())
                  : List.of(stack.platformApi());
          for (BenchmarkStack.Server server : servers) {
            String body = server == stack.platformApi() ? platformBody : postgraphileBody;
            int windows =
                SteadyState.warmUp(
                    () ->
                        LoadRun.run(
                            server,
                            superuser,
                            GraphQlClient.token(stack.keycloak().tokenEndpoint()),
                            query.community(),
                            body,
                            CONNECTIONS,
                            SteadyState.WINDOW_SECONDS,
                            work),
                    () -> ProcessMeter.compilerCpuMillis(server.pid()));
            System.out.println(
                "warm-up: "
                    + query.name()
                    + " on "
                    + server.name()
                    + ": steady after "
                    + windows * SteadyState.WINDOW_SECONDS
                    + " s");
          }
          for (int round = 0; round < rounds; round++) {
            // a fresh token each round: they live 5 minutes
            token = GraphQlClient.token(stack.keycloak().tokenEndpoint());
            a.add(
                LoadRun.run(
                    stack.platformApi(),
                    superuser,
                    token,
                    query.community(),
                    platformBody,
                    CONNECTIONS,
                    seconds,
                    work));
            if (postgraphileBody != null) {
              b.add(
                  LoadRun.run(
                      stack.postgraphile(),
                      superuser,
                      token,
                      query.community(),
                      postgraphileBody,
                      CONNECTIONS,
                      seconds,
                      work));
            }
          }
          // one request at a time, after the timed rounds: both servers warm
          String token1 = GraphQlClient.token(stack.keycloak().tokenEndpoint());
          double aloneA =
              query.mutation()
                  ? Double.NaN
                  : OneAtATime.medianMs(
                      stack.platformApi().graphqlUrl(), token1, query.community(), platformBody);
          double aloneB =
              query.mutation() || postgraphileBody == null
                  ? Double.NaN
                  : OneAtATime.medianMs(
                      stack.postgraphile().graphqlUrl(),
                      token1,
                      query.community(),
                      postgraphileBody);
          report.add(new Report.Compared(query, a, b, aloneA, aloneB));
        }
      }
      Path file =
          only.isEmpty()
              ? root.resolve("infra/benchmark/REPORT.md")
              : work.resolve("REPORT-" + only.replace(',', '-').replace(" ", "") + ".md");
      Files.createDirectories(file.getParent());
      report.write(file);
      System.out.println("benchmark: report written to " + file);
    }
  }

  /** The benchmark's requests on the stack's data, once an earlier run's matters are gone. */
  static List<BenchmarkQuery> queries(BenchmarkStack stack, int communities)
      throws java.sql.SQLException {
    try (Connection owner = stack.postgres().connectAsOwner()) {
      owner
          .createStatement()
          .executeQuery(
              "SELECT set_config('rg.community_ids',"
                  + " (SELECT array_agg(id)::text FROM rg.community), false)")
          .close();
      removeReportedMatters(owner);
      return BenchmarkQueries.all(owner, communities);
    }
  }

  /** What an earlier run's mutation added goes, so that every run measures the same data. */
  private static void removeReportedMatters(Connection owner) throws java.sql.SQLException {
    try (var delete =
        owner.prepareStatement(
            "WITH gone AS (DELETE FROM rg.matter_event e USING rg.matter m"
                + " WHERE e.community_id = m.community_id AND e.matter_id = m.id AND m.title = ?"
                + " RETURNING e.id) SELECT count(*) FROM gone")) {
      delete.setString(1, BenchmarkQueries.REPORTED_TITLE);
      delete.executeQuery().close();
    }
    try (var delete = owner.prepareStatement("DELETE FROM rg.matter WHERE title = ?")) {
      delete.setString(1, BenchmarkQueries.REPORTED_TITLE);
      int removed = delete.executeUpdate();
      if (removed > 0) {
        // the whole database is vacuumed before timing (below, in run)
        System.out.println("data: removed " + removed + " matters an earlier run reported");
      }
    }
  }
}
