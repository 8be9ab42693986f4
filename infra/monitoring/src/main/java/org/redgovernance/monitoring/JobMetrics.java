package org.redgovernance.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;

/**
 * When each scheduled job last completed without an error: {@code rg.jobs.last.success} (seconds
 * since the epoch, by job, e.g. {@code MatterAutoClose.run}), from the observation Spring records
 * around every scheduled run. An alert on "too long ago" catches a job that fails or stopped
 * running, which its absence from the log would not.
 */
class JobMetrics implements ObservationHandler<ScheduledTaskObservationContext> {

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

  JobMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof ScheduledTaskObservationContext;
  }

  @Override
  public void onStop(ScheduledTaskObservationContext context) {
    if (context.getError() != null) {
      return;
    }
    String job = context.getTargetClass().getSimpleName() + "." + context.getMethod().getName();
    lastSuccess
        .computeIfAbsent(
            job,
            name -> {
              AtomicLong seconds = new AtomicLong();
              Gauge.builder("rg.jobs.last.success", seconds, AtomicLong::get)
                  .description("When the job last completed without an error (epoch seconds)")
                  .baseUnit("seconds")
                  .tag("job", name)
                  .register(registry);
              return seconds;
            })
        .set(System.currentTimeMillis() / 1000);
  }
}
