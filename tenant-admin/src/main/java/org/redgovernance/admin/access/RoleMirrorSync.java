package org.redgovernance.admin.access;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.redgovernance.admin.identity.CommunityRoleName;
import org.redgovernance.admin.identity.KeycloakAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sets the role mirror right from Keycloak every {@code rg.roles.sync-every} (5 minutes; first soon
 * after start): memberships changed in Keycloak's own console, by onboarding, or while a mirror
 * write failed. Idempotent, so several instances may run it; a Keycloak outage leaves the mirror as
 * it is until the next pass.
 */
@Component
class RoleMirrorSync {

  private static final Logger log = LoggerFactory.getLogger(RoleMirrorSync.class);

  private final RoleMirrorRepository registry;
  private final RoleMirror holders;
  private final KeycloakAdmin keycloak;
  private final boolean enabled;

  RoleMirrorSync(
      RoleMirrorRepository registry,
      RoleMirror holders,
      KeycloakAdmin keycloak,
      @Value("${rg.roles.sync-enabled:true}") boolean enabled) {
    this.registry = registry;
    this.holders = holders;
    this.keycloak = keycloak;
    this.enabled = enabled;
  }

  @Scheduled(
      initialDelayString = "${rg.roles.sync-first:PT10S}",
      fixedDelayString = "${rg.roles.sync-every:PT5M}")
  void run() {
    if (!enabled) {
      return;
    }
    try {
      int changed = syncAll();
      if (changed > 0) {
        log.info("Set {} role memberships right in the mirror from Keycloak", changed);
      }
    } catch (RuntimeException e) {
      log.warn("The role mirror waits for the next pass: {}", e.getMessage());
    }
  }

  /** One pass over every mirrored community and role; how many rows changed. */
  int syncAll() {
    int changed = 0;
    for (RoleMirrorRepository.Mirrored community : registry.mirrored()) {
      for (CommunityRoleName role : CommunityRoleName.values()) {
        Optional<String> group = keycloak.groupId(role.groupPath(community.key()));
        if (group.isEmpty()) {
          continue;
        }
        Set<String> members =
            keycloak.members(group.get()).stream()
                .map(KeycloakAdmin.KeycloakUser::id)
                .collect(Collectors.toSet());
        changed += holders.reconcile(community.id(), role, members);
      }
    }
    return changed;
  }
}
