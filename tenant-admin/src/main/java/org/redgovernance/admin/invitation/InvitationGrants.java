package org.redgovernance.admin.invitation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redgovernance.admin.access.RoleMirror;
import org.redgovernance.admin.audit.AdminAuditRepository;
import org.redgovernance.admin.identity.KeycloakAdmin;
import org.redgovernance.admin.invitation.InvitationRepository.Accepted;
import org.redgovernance.admin.security.Operator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Grants the roles of accepted invitations: platform-api records the acceptance (it holds no
 * Keycloak rights), and this puts the accepting account in the community's role group. Each pass
 * takes a batch under row locks that other instances skip, so an invitation is granted once however
 * many instances run; a Keycloak outage leaves the batch accepted, for the next pass. The role
 * reaches platform-api with the person's next token.
 */
@Component
class InvitationGrants {

  private static final Logger log = LoggerFactory.getLogger(InvitationGrants.class);
  private static final int BATCH = 50;

  private final InvitationRepository invitations;
  private final KeycloakAdmin keycloak;
  private final AdminAuditRepository audit;
  private final TransactionTemplate transactions;
  private final RoleMirror roleMirror;
  private final boolean enabled;

  InvitationGrants(
      InvitationRepository invitations,
      KeycloakAdmin keycloak,
      AdminAuditRepository audit,
      TransactionTemplate transactions,
      RoleMirror roleMirror,
      @Value("${rg.invitations.grants-enabled:true}") boolean enabled) {
    this.invitations = invitations;
    this.keycloak = keycloak;
    this.audit = audit;
    this.transactions = transactions;
    this.roleMirror = roleMirror;
    this.enabled = enabled;
  }

  @Scheduled(
      initialDelayString = "${rg.invitations.grant-interval:2s}",
      fixedDelayString = "${rg.invitations.grant-interval:2s}")
  void grantAccepted() {
    if (!enabled) {
      return;
    }
    try {
      Integer granted = transactions.execute(status -> grantBatch());
      if (granted != null && granted == BATCH) {
        grantAccepted();
      }
    } catch (RuntimeException e) {
      log.warn("Accepted invitations wait for the next pass: {}", e.getMessage());
    }
  }

  private int grantBatch() {
    invitations.enter(invitations.allCommunityIds(), "tenant-admin");
    List<Accepted> batch = invitations.accepted(BATCH);
    for (Accepted invitation : batch) {
      // another instance on it, or withdrawn meanwhile: not this pass's
      if (invitations.tryLock(invitation.id())
          && invitations
              .one(invitation.communityId(), invitation.id())
              .filter(now -> now.status().equals("ACCEPTED"))
              .isPresent()) {
        grant(invitation);
      }
    }
    return batch.size();
  }

  private void grant(Accepted invitation) {
    Operator invitee = Operator.person(invitation.userId(), invitation.username());
    Map<String, Object> details =
        Map.of(
            "invitation", invitation.id().toString(),
            "username", invitation.username(),
            "role", invitation.role().name());
    Optional<String> group =
        "ACTIVE".equals(invitation.communityStatus())
            ? keycloak.groupId(invitation.role().groupPath(invitation.communityKey()))
            : Optional.empty();
    boolean joined = false;
    if (group.isPresent() && keycloak.userExists(invitation.userId())) {
      try {
        keycloak.join(invitation.userId(), group.get());
        joined = true;
        roleMirror.granted(
            invitation.communityKey(), invitation.userId(), invitation.role(), invitation.userId());
      } catch (HttpClientErrorException.NotFound gone) {
        // the account went away between the two calls
      }
    }
    invitations.end(
        invitation.communityId(),
        invitation.id(),
        joined ? "GRANTED" : "CANCELLED",
        "tenant-admin",
        "tenant-admin");
    audit.record(
        invitee,
        "invitation.accepted",
        invitation.streetKey(),
        invitation.communityKey(),
        joined ? "OK" : "REFUSED",
        joined
            ? null
            : group.isEmpty()
                ? "The community no longer takes people"
                : "The accepting account no longer exists",
        details);
  }
}
