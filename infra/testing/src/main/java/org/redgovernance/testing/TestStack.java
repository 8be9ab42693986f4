package org.redgovernance.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the shared test servers are, starting them if this build has none yet.
 *
 * <p>The build is recognised by the Maven process that runs it (the nearest {@code java} ancestor
 * of the test JVM); its servers are described in {@code <dir>/stack-<pid>.properties}. Outside
 * Maven the test JVM itself is the owner, so the servers live as long as it does.
 */
public final class TestStack {

  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);
  private static TestStackInfo info;

  private TestStack() {}

  public static synchronized TestStackInfo get() {
    if (info == null) {
      info = locateOrStart();
    }
    return info;
  }

  private static TestStackInfo locateOrStart() {
    Path dir =
        Path.of(System.getProperty("rg.test-stack.dir", "target/test-stack")).toAbsolutePath();
    long owner = owningBuild();
    Path state = dir.resolve("stack-" + owner + ".properties");
    try {
      Files.createDirectories(dir);
      try (FileChannel lockFile =
              FileChannel.open(
                  dir.resolve("stack.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = lockFile.lock()) {
        Optional<TestStackInfo> running = read(state);
        if (running.isPresent()) {
          return running.get();
        }
        Process daemon = spawnDaemon(owner, state, dir.resolve("stack-" + owner + ".log"));
        return awaitState(state, daemon, dir.resolve("stack-" + owner + ".log"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the shared test stack", e);
    }
  }

  private static Optional<TestStackInfo> read(Path state) throws IOException {
    if (!Files.exists(state)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (var in = Files.newInputStream(state)) {
      properties.load(in);
    }
    TestStackInfo found = TestStackInfo.from(properties);
    if (ProcessHandle.of(found.daemonPid()).map(ProcessHandle::isAlive).orElse(false)) {
      return Optional.of(found);
    }
    Files.deleteIfExists(state);
    return Optional.empty();
  }

  private static Process spawnDaemon(long owner, Path state, Path log) throws IOException {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String keycloakHome = System.getProperty("rg.keycloak.home");
    if (keycloakHome == null) {
      throw new IllegalStateException(
          "System property rg.keycloak.home is not set; run the tests through Maven");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(classpath);
    command.add(TestStackDaemon.class.getName());
    command.add(Long.toString(owner));
    command.add(state.toString());
    command.add(keycloakHome);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static TestStackInfo awaitState(Path state, Process daemon, Path log) throws IOException {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      Optional<TestStackInfo> ready = read(state);
      if (ready.isPresent()) {
        return ready.get();
      }
      if (!daemon.isAlive()) {
        throw new IllegalStateException(
            "The test stack daemon exited with " + daemon.exitValue() + "; see " + log);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    daemon.destroy();
    throw new IllegalStateException("The test stack did not start in time; see " + log);
  }

  /** The Maven JVM running this build, or this JVM when no ancestor is a Java process. */
  static long owningBuild() {
    Optional<ProcessHandle> ancestor = ProcessHandle.current().parent();
    while (ancestor.isPresent()) {
      ProcessHandle process = ancestor.get();
      boolean java =
          process.info().command().map(command -> command.endsWith("/java")).orElse(false);
      if (java) {
        return process.pid();
      }
      ancestor = process.parent();
    }
    return ProcessHandle.current().pid();
  }
}
