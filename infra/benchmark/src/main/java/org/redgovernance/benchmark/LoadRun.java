package org.redgovernance.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One timed run of one query against one server with wrk: a Lua script posts the request (a fresh
 * row id per request for PostGraphile's mutation), counts answers with GraphQL errors, and prints
 * the figures; around it, the server's CPU time, its memory, and the SQL statements its database
 * role ran with the time PostgreSQL spent on them (pg_stat_statements; transaction control is not
 * counted as a statement).
 */
final class LoadRun {

  /** What one run measured. */
  record Result(
      long requests,
      double seconds,
      long errors,
      double p50Ms,
      double p99Ms,
      double statementsPerRequest,
      double sqlMsPerRequest,
      double cpuMsPerRequest,
      double rssMib) {

    double throughput() {
      return requests / seconds;
    }
  }

  private static final String SCRIPT =
      """
      wrk.method = "POST"
      wrk.headers["Content-Type"] = "application/json"
      wrk.headers["Authorization"] = "Bearer %s"
      %s
      local body = %s
      local threads = {}
      errors = 0
      function setup(thread) table.insert(threads, thread) end
      function init(args) math.randomseed(os.time() + math.floor(os.clock() * 1000000)) end
      local function uuid()
        return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
          local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
          return string.format("%%x", v)
        end))
      end
      function request()
        return wrk.format(nil, nil, nil, (string.gsub(body, "%%$UUID", uuid)))
      end
      function response(status, headers, text)
        if status ~= 200 or string.find(text, '"errors":%%[{') then errors = errors + 1 end
      end
      function done(summary, latency, requests)
        local failed = 0
        for _, thread in ipairs(threads) do failed = failed + thread:get("errors") end
        io.write(string.format("RESULT %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
          latency:percentile(50), latency:percentile(99),
          failed + summary.errors.status + summary.errors.connect + summary.errors.read
            + summary.errors.timeout))
      end
      """;

  private LoadRun() {}

  static Result run(
      BenchmarkStack.Server server,
      Connection superuser,
      String token,
      @Nullable String community,
      String body,
      int connections,
      int seconds,
      Path work)
      throws IOException, InterruptedException, SQLException {
    Path script = work.resolve("load.lua");
    Files.writeString(
        script,
        SCRIPT.formatted(
            token,
            community == null ? "" : "wrk.headers[\"X-Community\"] = \"" + community + "\"",
            luaString(body)),
        StandardCharsets.UTF_8);
    superuser.createStatement().execute("SELECT pg_stat_statements_reset()");
    double cpuBefore = ProcessMeter.cpuMillis(server.pid());
    Process wrk =
        // wrk ahead of both servers and PostgreSQL in the scheduler's queue: a server that keeps
        // both cores busy must not be charged, in its latency, for the load generator waiting
        new ProcessBuilder(
                "nice",
                "-n",
                "-10",
                "wrk",
                "-t1",
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                server.graphqlUrl())
            .redirectErrorStream(true)
            .start();
    List<String> output = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(wrk.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.add(line);
      }
    }
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + String.join("\n", output));
    }
    double cpu = ProcessMeter.cpuMillis(server.pid()) - cpuBefore;
    String statementsDir = System.getenv("RG_BENCHMARK_STATEMENTS");
    if (statementsDir != null && !statementsDir.isBlank()) {
      keepStatements(superuser, server.name(), body, Path.of(statementsDir));
    }
    String[] figures =
        output.stream()
            .filter(l -> l.startsWith("RESULT "))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("wrk printed no result: " + output))
            .split(" ");
    long requests = Long.parseLong(figures[1]);
    double duration = Long.parseLong(figures[2]) / 1e6;
    return new Result(
        requests,
        duration,
        Long.parseLong(figures[5]),
        Long.parseLong(figures[3]) / 1000.0,
        Long.parseLong(figures[4]) / 1000.0,
        statements(superuser) / Math.max(1, requests),
        sqlMillis(superuser) / Math.max(1, requests),
        cpu / Math.max(1, requests),
        ProcessMeter.residentMib(server.pid()));
  }

  /** Statements run as rg_api since the reset, leaving out transaction control. */
  private static double statements(Connection superuser) throws SQLException {
    try (ResultSet row =
        superuser
            .createStatement()
            .executeQuery(
                "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements"
                    + " WHERE userid = 'rg_api'::regrole"
                    + " AND query !~* '^\\s*(begin|commit|rollback|start transaction)'")) {
      row.next();
      return row.getDouble(1);
    }
  }

  /**
   * Time PostgreSQL spent planning and executing the statements of rg_api since the reset: the
   * database's share of a request, which the server's own CPU figure leaves out.
   */
  private static double sqlMillis(Connection superuser) throws SQLException {
    try (ResultSet row =
        superuser
            .createStatement()
            .executeQuery(
                "SELECT coalesce(sum(total_exec_time + total_plan_time), 0) FROM pg_stat_statements"
                    + " WHERE userid = 'rg_api'::regrole")) {
      row.next();
      return row.getDouble(1);
    }
  }

  private static final java.util.concurrent.atomic.AtomicInteger KEPT =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * With RG_BENCHMARK_STATEMENTS set to a folder: what the server's statements of this round cost,
   * each with its calls, mean planning and execution time and rows, heaviest first, for comparing
   * the two servers' SQL of a query.
   */
  private static void keepStatements(Connection superuser, String server, String body, Path dir)
      throws SQLException, IOException {
    StringBuilder kept = new StringBuilder(body).append("\n\n");
    try (ResultSet rows =
        superuser
            .createStatement()
            .executeQuery(
                "SELECT calls, round((total_plan_time / calls)::numeric, 3),"
                    + " round((total_exec_time / calls)::numeric, 3), rows / calls, query"
                    + " FROM pg_stat_statements WHERE userid = 'rg_api'::regrole AND calls > 0"
                    + " ORDER BY total_plan_time + total_exec_time DESC LIMIT 5")) {
      while (rows.next()) {
        kept.append(
            "calls %d, plan %s ms, exec %s ms, rows %d%n%s%n%n"
                .formatted(
                    rows.getLong(1),
                    rows.getBigDecimal(2),
                    rows.getBigDecimal(3),
                    rows.getLong(4),
                    rows.getString(5)));
      }
    }
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("%03d-%s.txt".formatted(KEPT.incrementAndGet(), server)),
        kept,
        StandardCharsets.UTF_8);
  }

  /** A Lua long string that cannot end early, whatever the body holds. */
  private static String luaString(String text) {
    String level = "=";
    while (text.contains("]" + level + "]")) {
      level += "=";
    }
    return "[" + level + "[" + text + "]" + level + "]";
  }
}
