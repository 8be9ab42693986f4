package org.redgovernance.api.meetings;

import java.time.LocalDate;
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
 * Keeps every weekly series {@link MeetingPlanner#WEEKS_AHEAD} weeks ahead. Runs on every instance;
 * a meeting another instance created first is simply not created again.
 */
@Component
class MeetingSeriesRoller {

  private static final Logger log = LoggerFactory.getLogger(MeetingSeriesRoller.class);

  private final AccessScopes scopes;
  private final TenantTransactions transactions;
  private final MeetingRepository meetings;
  private final MeetingPlanner planner;

  MeetingSeriesRoller(
      AccessScopes scopes,
      TenantTransactions transactions,
      MeetingRepository meetings,
      MeetingPlanner planner) {
    this.scopes = scopes;
    this.transactions = transactions;
    this.meetings = meetings;
    this.planner = planner;
  }

  @Scheduled(
      initialDelayString = "${rg.meetings.roll-check:PT1H}",
      fixedDelayString = "${rg.meetings.roll-check:PT1H}")
  void run() {
    int created = rollForward(LocalDate.now(MeetingPlanner.ZONE));
    if (created > 0) {
      log.info("Created {} meetings of weekly series", created);
    }
  }

  int rollForward(LocalDate today) {
    AccessScope all = scopes.of(Caller.SYSTEM);
    int created = 0;
    for (ReachableCommunity community : all.writableCommunities()) {
      created +=
          transactions.write(
              all.narrowedTo(community),
              dsl ->
                  meetings.runningSeries(dsl, community.id(), today).stream()
                      .mapToInt(series -> planner.plan(dsl, series, today).size())
                      .sum());
    }
    return created;
  }
}
