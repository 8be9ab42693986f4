package org.redgovernance.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a server process, from /proc (Linux). */
final class ProcessMeter {

  /** Clock ticks per second of /proc/<pid>/stat; 100 on Linux. */
  private static final double TICKS_PER_MS = 0.1;

  private ProcessMeter() {}

  /** User plus system CPU time the process has used so far, in milliseconds. */
  static double cpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // fields after the command name, which is in parentheses and may contain spaces
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long utime = Long.parseLong(fields[11]);
    long stime = Long.parseLong(fields[12]);
    return (utime + stime) / TICKS_PER_MS;
  }

  /** Resident set size in MiB. */
  static double residentMib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }
}
