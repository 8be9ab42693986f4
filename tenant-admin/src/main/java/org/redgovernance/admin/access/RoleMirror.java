package org.redgovernance.admin.access;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.redgovernance.admin.identity.CommunityRoleName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the mirror of who holds which community role ({@code rg.community_role_holder}) with the
 * changes tenant-admin makes in Keycloak, and tells a person of a role granted to them (the intent
 * goes into platform-api's notification outbox in the same transaction as the mirror's row).
 * Keycloak is the truth: a mirror row that could not be written is set right by {@link
 * RoleMirrorSync} within minutes, so a failure here is logged, never refused to the admin whose
 * change already happened.
 */
@Component
public class RoleMirror {

  private static final Logger log = LoggerFactory.getLogger(RoleMirror.class);

  private final RoleMirrorRepository holders;
  private final TransactionTemplate transactions;

  RoleMirror(RoleMirrorRepository holders, PlatformTransactionManager transactionManager) {
    this.holders = holders;
    // its own transaction, with its own community as the context, also when called from within
    // another's (an invitation granted in a batch that spans every community)
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The person was put in the role's group by {@code actorId}: mirrored, and told. */
  public void granted(String communityKey, String userId, CommunityRoleName role, String actorId) {
    inCommunity(
        communityKey,
        actorId,
        community ->
            holders
                .hold(community, userId, role)
                .ifPresent(grant -> holders.tell(community, grant, actorId)));
  }

  /** The person was taken out of the role's group: mirrored. */
  public void revoked(String communityKey, String userId, CommunityRoleName role, String actorId) {
    inCommunity(communityKey, actorId, community -> holders.release(community, userId, role));
  }

  /**
   * Sets the mirror of one role of a community to its group's members in Keycloak, telling nobody
   * (a change made outside the platform has no author to name); how many rows changed.
   */
  int reconcile(UUID communityId, CommunityRoleName role, Set<String> members) {
    Integer changed =
        transactions.execute(
            status -> {
              holders.enter(communityId, "tenant-admin");
              Set<String> mirrored = holders.holders(communityId, role);
              int count = 0;
              for (String member : members) {
                if (!mirrored.contains(member)) {
                  count += holders.hold(communityId, member, role).isPresent() ? 1 : 0;
                }
              }
              Set<String> gone = new HashSet<>(mirrored);
              gone.removeAll(members);
              for (String former : gone) {
                count += holders.release(communityId, former, role);
              }
              return count;
            });
    return changed == null ? 0 : changed;
  }

  private void inCommunity(
      String communityKey, String actorId, java.util.function.Consumer<UUID> change) {
    try {
      transactions.executeWithoutResult(
          status -> {
            Optional<UUID> community = holders.communityId(communityKey);
            if (community.isEmpty()) {
              return;
            }
            holders.enter(community.get(), actorId);
            change.accept(community.get());
          });
    } catch (RuntimeException e) {
      log.warn(
          "The role mirror of {} waits for the next reconciliation: {}",
          communityKey,
          e.getMessage());
    }
  }
}
