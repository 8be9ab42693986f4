package org.redgovernance.admin.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redgovernance.admin.identity.CommunityRoleName;
import org.redgovernance.admin.identity.KeycloakAdmin;
import org.redgovernance.admin.identity.KeycloakAdmin.KeycloakUser;
import org.springframework.stereotype.Component;

/**
 * Who holds which role in a community — the part of its data that lives in Keycloak, not in
 * PostgreSQL. The archive keeps it as {@code roles.jsonl}; erasing dismisses everyone; an import
 * gives the roles back to the people who still have an account.
 */
@Component
public class RoleHolders {

  /** One person in one role group; the Keycloak user id is what the tenant tables refer to. */
  record Holder(String userId, String username, CommunityRoleName role) {}

  /** What an import could give back: restored, and the usernames of accounts that are gone. */
  record Restored(int restored, List<String> missing) {}

  private final KeycloakAdmin keycloak;

  RoleHolders(KeycloakAdmin keycloak) {
    this.keycloak = keycloak;
  }

  List<Holder> of(String communityKey) {
    List<Holder> holders = new ArrayList<>();
    for (CommunityRoleName role : CommunityRoleName.values()) {
      Optional<String> group = keycloak.groupId(role.groupPath(communityKey));
      if (group.isEmpty()) {
        continue;
      }
      for (KeycloakUser user : keycloak.members(group.get())) {
        holders.add(new Holder(user.id(), user.username(), role));
      }
    }
    return holders;
  }

  /** Takes every role in the community from everyone (safe to repeat); how many were dismissed. */
  public int dismissAll(String communityKey) {
    int dismissed = 0;
    for (CommunityRoleName role : CommunityRoleName.values()) {
      Optional<String> group = keycloak.groupId(role.groupPath(communityKey));
      if (group.isEmpty()) {
        continue;
      }
      for (KeycloakUser user : keycloak.members(group.get())) {
        keycloak.leave(user.id(), group.get());
        dismissed++;
      }
    }
    return dismissed;
  }

  /** Puts each holder whose account still exists back into their role group (safe to repeat). */
  Restored restore(String communityKey, List<Holder> holders) {
    Map<CommunityRoleName, String> groups = keycloak.ensureCommunityGroups(communityKey);
    int restored = 0;
    List<String> missing = new ArrayList<>();
    for (Holder holder : holders) {
      if (keycloak.userExists(holder.userId())) {
        keycloak.join(holder.userId(), groups.get(holder.role()));
        restored++;
      } else if (!missing.contains(holder.username())) {
        missing.add(holder.username());
      }
    }
    return new Restored(restored, missing);
  }
}
