package org.redgovernance.admin.access;

import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serialises the changes that could take a community's last admin away. Keycloak has no transaction
 * to check "is anyone else an admin?" and remove in one step, so two admins revoking each other at
 * the same moment would both see the other and both succeed. A PostgreSQL advisory lock per
 * community, held while checking and removing, makes the second wait and see the first's result —
 * across every instance of tenant-admin, since they share the database.
 */
@Component
class CommunityAdminLock {

  private final DSLContext dsl;
  private final TransactionTemplate transactions;

  CommunityAdminLock(DSLContext dsl, TransactionTemplate transactions) {
    this.dsl = dsl;
    this.transactions = transactions;
  }

  <T> T holding(String communityKey, Supplier<T> work) {
    return transactions.execute(
        status -> {
          dsl.execute(
              "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
              "community-admins:" + communityKey);
          return work.get();
        });
  }
}
