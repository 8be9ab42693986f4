package org.redgovernance.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** CPU time and resident memory of a server process, from /proc (Linux). */
final class ProcessMeter {

  /** Clock ticks per second of /proc/<pid>/stat; 100 on Linux. */
  private static final double TICKS_PER_MS = 0.1;

  private ProcessMeter() {}

  /** User plus system CPU time the process has used so far, in milliseconds. */
  static double cpuMillis(long pid) throws IOException {
    return cpuMillis(Path.of("/proc/" + pid + "/stat"));
  }

  /**
   * CPU time the JVM's just-in-time compiler threads have used so far, in milliseconds; 0 for a
   * process without them (Node).
   */
  static double compilerCpuMillis(long pid) throws IOException {
    double millis = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String name = Files.readString(task.resolve("comm")).strip();
          if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            millis += cpuMillis(task.resolve("stat"));
          }
        } catch (NoSuchFileException ended) {
          // the JVM stops idle compiler threads; what they used leaves with them
        }
      }
    }
    return millis;
  }

  private static double cpuMillis(Path statFile) throws IOException {
    String stat = Files.readString(statFile);
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
