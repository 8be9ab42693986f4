package org.redgovernance.api.matters;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.AccessScopes;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes verified matters that their reporters have not rated within {@code
 * rg.matters.auto-close-after} (default 14 days), so that boards do not fill with matters waiting
 * for a rating that will never come. Safe on every instance at once: a matter closed by another
 * instance (or rated meanwhile) has moved on and is left alone.
 */
@Component
class MatterAutoClose {

  private static final Logger log = LoggerFactory.getLogger(MatterAutoClose.class);
  private static final int BATCH = 200;

  private final AccessScopes scopes;
  private final TenantTransactions transactions;
  private final MatterRepository matters;
  private final MatterWorkflow workflow;
  private final Duration after;

  MatterAutoClose(
      AccessScopes scopes,
      TenantTransactions transactions,
      MatterRepository matters,
      MatterWorkflow workflow,
      @Value("${rg.matters.auto-close-after:P14D}") Duration after) {
    this.scopes = scopes;
    this.transactions = transactions;
    this.matters = matters;
    this.workflow = workflow;
    this.after = after;
  }

  @Scheduled(
      initialDelayString = "${rg.matters.auto-close-check:PT10M}",
      fixedDelayString = "${rg.matters.auto-close-check:PT10M}")
  void run() {
    int closed = closeUnrated(OffsetDateTime.now().minus(after));
    if (closed > 0) {
      log.info("Closed {} verified matters that were not rated in {}", closed, after);
    }
  }

  /** Closes every matter verified before {@code cutoff} and still unrated; returns how many. */
  int closeUnrated(OffsetDateTime cutoff) {
    AccessScope all = scopes.of(Caller.SYSTEM);
    int closed = 0;
    for (ReachableCommunity community : all.writableCommunities()) {
      AccessScope one = all.narrowedTo(community);
      List<UUID> due;
      int closedNow;
      do {
        closedNow = 0;
        due =
            transactions.read(
                one, dsl -> matters.verifiedBefore(dsl, community.id(), cutoff, BATCH));
        for (UUID id : due) {
          boolean done =
              transactions.write(
                  one,
                  dsl ->
                      matters
                          .state(dsl, community.id(), id, one)
                          .filter(m -> m.status() == MatterStatus.VERIFIED)
                          .map(
                              m ->
                                  workflow.autoClose(
                                      dsl, one, m, "未在" + after.toDays() + "天内评价，自动办结"))
                          .orElse(false));
          closedNow += done ? 1 : 0;
        }
        closed += closedNow;
      } while (due.size() == BATCH && closedNow > 0);
    }
    return closed;
  }
}
