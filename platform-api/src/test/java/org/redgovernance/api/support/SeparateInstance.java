package org.redgovernance.api.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redgovernance.api.PlatformApiApplication;
import org.redgovernance.testing.TestStack;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * A platform-api instance of a test's own, beside the shared one of {@link IntegrationTest}: one a
 * fault test may stop, or whose database it may stop, without disturbing the other tests.
 */
public final class SeparateInstance implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private SeparateInstance(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** An instance on the shared test database. */
  public static SeparateInstance onSharedDatabase() {
    return onSharedDatabase(Map.of());
  }

  /** An instance on the shared test database, with these settings changed. */
  public static SeparateInstance onSharedDatabase(Map<String, String> changed) {
    return start(TestStack.get().jdbcUrl(), TestStack.get().personalDataKey(), changed);
  }

  /** An instance on the database at {@code jdbcUrl}, whose personal data that key encrypts. */
  public static SeparateInstance start(String jdbcUrl, String personalDataKey) {
    return start(jdbcUrl, personalDataKey, Map.of());
  }

  /** An instance on the database at {@code jdbcUrl}, with these settings changed. */
  public static SeparateInstance start(
      String jdbcUrl, String personalDataKey, Map<String, String> changed) {
    Map<String, String> settings =
        new LinkedHashMap<>(TestSettings.of(TestStack.get(), jdbcUrl, personalDataKey));
    settings.putAll(changed);
    // as command-line arguments, which come before the application's own settings
    List<String> arguments = new ArrayList<>();
    settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
    arguments.add("--server.port=0");
    return new SeparateInstance(
        new SpringApplicationBuilder(PlatformApiApplication.class)
            .run(arguments.toArray(String[]::new)));
  }

  /**
   * The instance's scheduled jobs by their method ({@code MatterAutoClose.run}), to be run when the
   * test chooses, as the scheduler would run them.
   */
  public Map<String, Runnable> scheduledJobs() {
    Map<String, Runnable> jobs = new LinkedHashMap<>();
    for (ScheduledTask task : context.getBean(ScheduledTaskHolder.class).getScheduledTasks()) {
      // the scheduler's wrapper says which method it runs: org.….MatterAutoClose.run
      Runnable job = task.getTask().getRunnable();
      String[] method = job.toString().split("\\.");
      if (method.length >= 2) {
        jobs.put(method[method.length - 2] + "." + method[method.length - 1], job);
      }
    }
    return jobs;
  }

  /** The instance's bean of {@code type}. */
  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /**
   * Shuts the instance down as its process would on SIGTERM (graceful); returns when it is down.
   */
  @Override
  public void close() {
    context.close();
  }
}
