package org.redgovernance.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the report says about the machine it ran on. */
final class Machine {

  private Machine() {}

  static String describe() {
    return describeHost()
        + ", PostgreSQL 17 (embedded), Node 22, PostGraphile 5.1.5 (amber preset, NODE_ENV=production)";
  }

  /** The machine and Java alone, for runs without PostGraphile. */
  static String describeHost() {
    String cpu = "unknown CPU";
    String memory = "";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).strip())
              .findFirst()
              .orElse(cpu);
      memory =
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(l -> l.startsWith("MemTotal"))
              .map(l -> Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0) + " GiB")
              .findFirst()
              .orElse("");
    } catch (IOException unreadable) {
      // not Linux: say less
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpu
        + "), "
        + memory
        + ", Java "
        + System.getProperty("java.version");
  }
}
