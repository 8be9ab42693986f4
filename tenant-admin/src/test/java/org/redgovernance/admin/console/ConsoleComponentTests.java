package org.redgovernance.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The console's component tests ({@code src/test/console/*.test.mjs}): its pure modules tested with
 * Node's own test runner, the machine's Node.js, nothing installed.
 */
class ConsoleComponentTests {

  @Test
  void theConsolesComponentTests_pass() throws Exception {
    Path log = Files.createTempFile("console-component-tests", ".log");
    try {
      Process node =
          new ProcessBuilder("node", "--test", "src/test/console/")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      assertThat(node.waitFor(2, TimeUnit.MINUTES)).as("node --test finished").isTrue();
      String output = Files.readString(log);

      assertThat(node.exitValue()).as(output).isZero();
      assertThat(output).contains("# fail 0").doesNotContain("# pass 0");
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
