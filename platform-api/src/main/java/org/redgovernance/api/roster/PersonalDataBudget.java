package org.redgovernance.api.roster;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.redgovernance.api.audit.AuditLog;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.limits.CallerBudget;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How much personal data one caller may uncover in a while, whatever their role: lookups by exact
 * phone or ID-card number per minute, and unmasked numbers per hour. Even an admin's account can be
 * stolen, and a stolen account should not be able to walk off with the whole roster's numbers or
 * confirm numbers by the thousand. Past a budget the request is refused with {@code RATE_LIMITED}
 * (and {@code extensions.retryAfterSeconds}); the first refusal in each window writes an audit
 * event {@code personal-data.rate-limited} and a warning to the log, for whoever watches them.
 * Counted per instance: with several instances behind a balancer a caller gets at most that many
 * times the budget.
 */
@Component
class PersonalDataBudget {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataBudget.class);

  /** What is counted. */
  enum Use {
    LOOKUP("lookups by phone or ID-card number", "minute"),
    UNMASKED("unmasked phone or ID-card numbers", "hour");

    private final String what;
    private final String per;

    Use(String what, String per) {
      this.what = what;
      this.per = per;
    }
  }

  private final Map<Use, CallerBudget> budgets = new EnumMap<>(Use.class);
  private final TenantTransactions transactions;
  private final AuditLog audit;

  PersonalDataBudget(
      @Value("${rg.personal-data.lookups-per-minute:30}") int lookupsPerMinute,
      @Value("${rg.personal-data.unmasked-per-hour:5000}") int unmaskedPerHour,
      TenantTransactions transactions,
      AuditLog audit) {
    budgets.put(Use.LOOKUP, new CallerBudget(lookupsPerMinute, Duration.ofMinutes(1)));
    budgets.put(Use.UNMASKED, new CallerBudget(unmaskedPerHour, Duration.ofHours(1)));
    this.transactions = transactions;
    this.audit = audit;
  }

  /**
   * Takes {@code amount} of the caller's budget for {@code use}, or refuses with {@code
   * RATE_LIMITED} and takes nothing.
   */
  void charge(AccessScope scope, ReachableCommunity community, Use use, int amount) {
    CallerBudget budget = budgets.get(use);
    CallerBudget.Outcome outcome = budget.take(scope.caller().userId(), amount);
    if (outcome.taken()) {
      return;
    }
    if (outcome.firstRefusal()) {
      log.warn(
          "Personal-data budget exceeded: caller {} in community {}: more than {} {} per {}",
          scope.caller().userId(),
          community.key(),
          budget.limit(),
          use.what,
          use.per);
      AccessScope one = scope.narrowedTo(community);
      // apart: the refusal may undo the transaction it happens in, never its own record
      transactions.writeApart(
          one,
          dsl -> {
            audit.record(
                dsl,
                one,
                community.id(),
                "personal-data.rate-limited",
                "Community",
                community.id(),
                Map.of("use", use.name(), "limit", budget.limit(), "per", use.per));
            return null;
          });
    }
    throw new ApiException(
        ErrorCode.RATE_LIMITED,
        "Too many %s: at most %d per %s; try again in %d s"
            .formatted(use.what, budget.limit(), use.per, outcome.retryAfterSeconds()),
        Map.of("retryAfterSeconds", outcome.retryAfterSeconds()));
  }
}
