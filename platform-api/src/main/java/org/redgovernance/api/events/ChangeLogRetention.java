package org.redgovernance.api.events;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.tenancy.AccessScopes;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the changes recorded longer ago than {@code rg.events.retention} (default 7 days): a
 * client that comes back later with an older position is told RESYNC_REQUIRED and reads again. Safe
 * on every instance at once: forgetting what another instance forgot already does nothing.
 */
@Component
class ChangeLogRetention {

  private static final Logger log = LoggerFactory.getLogger(ChangeLogRetention.class);

  private final ChangeLogRepository changeLog;
  private final AccessScopes scopes;
  private final TenantTransactions transactions;
  private final Duration retention;

  ChangeLogRetention(
      ChangeLogRepository changeLog,
      AccessScopes scopes,
      TenantTransactions transactions,
      @Value("${rg.events.retention:P7D}") Duration retention) {
    this.changeLog = changeLog;
    this.scopes = scopes;
    this.transactions = transactions;
    this.retention = retention;
  }

  @Scheduled(
      initialDelayString = "${rg.events.retention-check:PT1H}",
      fixedDelayString = "${rg.events.retention-check:PT1H}")
  void run() {
    int forgotten = forgetBefore(OffsetDateTime.now().minus(retention));
    if (forgotten > 0) {
      log.info("Forgot {} changes recorded more than {} ago", forgotten, retention);
    }
  }

  int forgetBefore(OffsetDateTime cutoff) {
    return transactions.write(scopes.of(Caller.SYSTEM), dsl -> changeLog.forget(dsl, cutoff));
  }
}
