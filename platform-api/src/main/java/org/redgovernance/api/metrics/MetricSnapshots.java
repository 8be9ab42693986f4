package org.redgovernance.api.metrics;

import java.time.LocalDate;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.AccessScopes;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records each community's metrics once a day: every {@code rg.metrics.snapshot-check} (an hour)
 * the day's snapshot of each community that takes writes is made if it is not there yet, so the
 * first pass of an Asia/Shanghai day records it (as of then) and later passes, restarts and other
 * instances add nothing. Each pass also catches up the days of the last {@code
 * rg.metrics.catch-up-days} (31) that have no snapshot at all (the service did not run, the
 * community was new to the platform): with the metrics whose value of a past day the records of
 * then give ({@link MetricSource#backfills}); the others stay missing for those days, since what
 * they count keeps no history.
 */
@Component
class MetricSnapshots {

  private static final Logger log = LoggerFactory.getLogger(MetricSnapshots.class);

  private final AccessScopes scopes;
  private final TenantTransactions transactions;
  private final MetricSnapshotRepository snapshots;

  private final int catchUpDays;

  MetricSnapshots(
      AccessScopes scopes,
      TenantTransactions transactions,
      MetricSnapshotRepository snapshots,
      @org.springframework.beans.factory.annotation.Value("${rg.metrics.catch-up-days:31}")
          int catchUpDays) {
    this.scopes = scopes;
    this.transactions = transactions;
    this.snapshots = snapshots;
    this.catchUpDays = catchUpDays;
  }

  @Scheduled(
      initialDelayString = "${rg.metrics.snapshot-first:PT1M}",
      fixedDelayString = "${rg.metrics.snapshot-check:PT1H}")
  void run() {
    LocalDate today = LocalDate.now(ReadRequest.ZONE);
    int recorded = record(today);
    if (recorded > 0) {
      log.info("Recorded {} metric values of today", recorded);
    }
    int caughtUp = catchUp(today.minusDays(catchUpDays), today.minusDays(1));
    if (caughtUp > 0) {
      log.info("Caught up {} metric values of past days from their records", caughtUp);
    }
  }

  /**
   * Records, for every community that takes writes, each day from {@code from} to {@code until}
   * that has no snapshot, with the metrics that backfill; how many values.
   */
  int catchUp(LocalDate from, LocalDate until) {
    return inEachCommunity(
        (dsl, community) -> {
          java.util.Set<LocalDate> recordedDays =
              snapshots.recordedDays(dsl, community, from, until);
          int made = 0;
          for (LocalDate day = from; !day.isAfter(until); day = day.plusDays(1)) {
            if (!recordedDays.contains(day)) {
              made += snapshots.backfill(dsl, community, day);
            }
          }
          return made;
        });
  }

  /** Records {@code day}'s snapshot of every community that lacks it; how many values. */
  int record(LocalDate day) {
    return inEachCommunity((dsl, community) -> snapshots.record(dsl, community, day));
  }

  /**
   * {@code work} in each community that takes writes, each in its own tenant transaction (one
   * community's failure leaves the others' days recorded); how many values in all.
   */
  private int inEachCommunity(
      java.util.function.BiFunction<org.jooq.DSLContext, java.util.UUID, Integer> work) {
    AccessScope all = scopes.of(Caller.SYSTEM);
    int recorded = 0;
    for (ReachableCommunity community : all.writableCommunities()) {
      recorded +=
          transactions.write(all.narrowedTo(community), dsl -> work.apply(dsl, community.id()));
    }
    return recorded;
  }
}
