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
 * instances add nothing. A day the service did not run has no snapshot: the sources compute values
 * now, not as of a past day (backfilling what history allows is still to come).
 */
@Component
class MetricSnapshots {

  private static final Logger log = LoggerFactory.getLogger(MetricSnapshots.class);

  private final AccessScopes scopes;
  private final TenantTransactions transactions;
  private final MetricSnapshotRepository snapshots;

  MetricSnapshots(
      AccessScopes scopes, TenantTransactions transactions, MetricSnapshotRepository snapshots) {
    this.scopes = scopes;
    this.transactions = transactions;
    this.snapshots = snapshots;
  }

  @Scheduled(
      initialDelayString = "${rg.metrics.snapshot-first:PT1M}",
      fixedDelayString = "${rg.metrics.snapshot-check:PT1H}")
  void run() {
    int recorded = record(LocalDate.now(ReadRequest.ZONE));
    if (recorded > 0) {
      log.info("Recorded {} metric values of today", recorded);
    }
  }

  /** Records {@code day}'s snapshot of every community that lacks it; how many values. */
  int record(LocalDate day) {
    AccessScope all = scopes.of(Caller.SYSTEM);
    int recorded = 0;
    for (ReachableCommunity community : all.writableCommunities()) {
      recorded +=
          transactions.write(
              all.narrowedTo(community), dsl -> snapshots.record(dsl, community.id(), day));
    }
    return recorded;
  }
}
