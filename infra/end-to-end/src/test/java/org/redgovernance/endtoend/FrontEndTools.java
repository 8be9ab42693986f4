package org.redgovernance.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The front-end tools locked in {@code infra/reference-app/tools} (graphql-codegen,
 * graphql-inspector, relay-compiler, TypeScript), installed from the npm registry with the
 * machine's Node.js once per test run, and run as a front-end team runs them.
 */
final class FrontEndTools {

  static final Path FOLDER = Path.of("../reference-app/tools").toAbsolutePath().normalize();

  private static boolean installed;

  private FrontEndTools() {}

  /** {@code npm ci} once per run: the versions of the lock file, nothing newer. */
  static synchronized void install() throws Exception {
    if (!installed) {
      run(FOLDER, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
      installed = true;
    }
  }

  /** The path of an installed tool's command. */
  static String tool(String name) {
    return FOLDER.resolve("node_modules/.bin").resolve(name).toString();
  }

  /** Runs a command to its end; its output, or a failure with it. */
  static String run(Path directory, String... command) throws Exception {
    Outcome outcome = attempt(directory, command);
    if (outcome.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + outcome.output());
    }
    return outcome.output();
  }

  /** How a command ended: its exit value and its output. */
  record Outcome(int exitValue, String output) {}

  /** Runs a command to its end (at most 5 minutes), however it ends. */
  static Outcome attempt(Path directory, String... command) throws Exception {
    Path log = Files.createTempFile("front-end-tool", ".log");
    try {
      Process process =
          new ProcessBuilder(List.of(command))
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish in 5 minutes");
      }
      return new Outcome(process.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
