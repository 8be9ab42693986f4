package org.redgovernance.benchmark;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collection;

/**
 * A server is timed only once it answers a query at a steady rate: it is loaded in short windows
 * until three windows in a row lie within {@link #TOLERANCE} of their mean. A JVM on two busy cores
 * needs a minute or two of load before its compilers have finished with a code path it has not run
 * before (the mutation's write, which no read warms up); timing it earlier measures the compilers,
 * not the server. Both servers are warmed by the same rule.
 */
final class SteadyState {

  static final int WINDOW_SECONDS = 5;
  private static final int SPAN = 3;
  private static final int MAX_WINDOWS = 36;
  private static final double TOLERANCE = 0.05;
  private static final double COMPILING = 0.02;

  /** One window of load. */
  @FunctionalInterface
  interface Window {
    LoadRun.Result run() throws IOException, InterruptedException, SQLException;
  }

  /** CPU milliseconds the server's compilers have used so far. */
  @FunctionalInterface
  interface Compilers {
    double cpuMillis() throws IOException;
  }

  private SteadyState() {}

  static String describe() {
    return "windows of "
        + WINDOW_SECONDS
        + " s until three in a row lie within "
        + Math.round(TOLERANCE * 100)
        + " % of their mean and a JVM's compilers used at most "
        + Math.round(COMPILING * 100)
        + " % of the last, at most "
        + MAX_WINDOWS * WINDOW_SECONDS
        + " s";
  }

  /** Loads the server window after window until its throughput is steady; how many windows. */
  static int warmUp(Window window, Compilers compilers)
      throws IOException, InterruptedException, SQLException {
    ArrayDeque<Double> last = new ArrayDeque<>();
    for (int windows = 1; windows <= MAX_WINDOWS; windows++) {
      double compiledBefore = compilers.cpuMillis();
      last.addLast(window.run().throughput());
      double compiling = compilers.cpuMillis() - compiledBefore;
      if (last.size() > SPAN) {
        last.removeFirst();
      }
      if (last.size() == SPAN && steady(last) && compiling <= COMPILING * WINDOW_SECONDS * 1000) {
        return windows;
      }
    }
    return MAX_WINDOWS;
  }

  /** Whether every throughput lies within the tolerance of their mean. */
  static boolean steady(Collection<Double> throughputs) {
    double mean = throughputs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return mean > 0 && throughputs.stream().allMatch(t -> Math.abs(t - mean) <= TOLERANCE * mean);
  }
}
