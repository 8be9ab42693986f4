package org.redgovernance.api.notifications;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Record2;
import org.jooq.Select;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.AccessScopes;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.stereotype.Component;

/**
 * The entry point of reminders that no change makes (a matter overdue): a feature's job raises them
 * community by community, at most once per object and day, however often and on however many
 * instances it runs (a key of kind, day and object on each intent). The dispatcher then delivers
 * them as any other.
 */
@Component
public class Reminders {

  private final AccessScopes scopes;
  private final TenantTransactions transactions;

  Reminders(AccessScopes scopes, TenantTransactions transactions) {
    this.scopes = scopes;
    this.transactions = transactions;
  }

  /**
   * Raises {@code intent} about each object {@code subjectsIn} selects in a community (its
   * community id, then its id) for {@code day}, in every community that takes writes; answers how
   * many were raised now.
   */
  public int raise(
      NotificationIntent intent,
      Function<UUID, Select<? extends Record2<UUID, UUID>>> subjectsIn,
      LocalDate day) {
    AccessScope all = scopes.of(Caller.SYSTEM);
    int raised = 0;
    for (ReachableCommunity community : all.writableCommunities()) {
      raised +=
          transactions.write(
              all.narrowedTo(community),
              dsl ->
                  NotificationRepository.reminders(
                      dsl, intent, subjectsIn.apply(community.id()), day));
    }
    return raised;
  }
}
