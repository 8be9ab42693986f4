package org.redgovernance.admin.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.access.AccessRepository.CommunityOfStreet;
import org.redgovernance.admin.audit.AdminAuditRepository;
import org.redgovernance.admin.identity.CommunityRoleName;
import org.redgovernance.admin.identity.KeycloakAdmin;
import org.redgovernance.admin.identity.KeycloakAdmin.KeycloakUser;
import org.redgovernance.admin.security.Operator;
import org.springframework.stereotype.Component;

/**
 * Granting and revoking one community role, with the checks every way in shares (role mutations,
 * removal from a community, invitations): a community outside the caller's reach is "not found",
 * one they may see but not manage "forbidden", an archived one takes no changes, and nobody removes
 * the last admin. Every change, and every refused attempt on an existing community, goes to the
 * street's audit log.
 */
@Component
public class CommunityRoleChanges {

  public record PersonWithRoles(
      String userId, String username, String name, List<CommunityRoleName> roles) {}

  public record CommunityRoleInput(
      @Nullable String communityKey, @Nullable String username, @Nullable CommunityRoleName role) {}

  public record AdminError(String code, String message, @Nullable List<String> field) {}

  record CommunityRolePayload(@Nullable PersonWithRoles person, List<AdminError> errors) {}

  private final AccessRepository registry;
  private final KeycloakAdmin keycloak;
  private final AdminAuditRepository audit;
  private final CommunityAdminLock adminLock;
  private final RoleMirror roleMirror;

  CommunityRoleChanges(
      AccessRepository registry,
      KeycloakAdmin keycloak,
      AdminAuditRepository audit,
      CommunityAdminLock adminLock,
      RoleMirror roleMirror) {
    this.registry = registry;
    this.keycloak = keycloak;
    this.audit = audit;
    this.adminLock = adminLock;
    this.roleMirror = roleMirror;
  }

  CommunityRolePayload change(CommunityRoleInput input, Operator operator, boolean grant) {
    // a revocation checks for the last admin and removes under the community's lock
    return grant || input.communityKey() == null
        ? changeNow(input, operator, grant)
        : adminLock.holding(input.communityKey(), () -> changeNow(input, operator, false));
  }

  private CommunityRolePayload changeNow(
      CommunityRoleInput input, Operator operator, boolean grant) {
    String action = grant ? "role.granted" : "role.revoked";
    Optional<CommunityOfStreet> community =
        input.communityKey() == null ? Optional.empty() : registry.community(input.communityKey());
    if (community.isEmpty()) {
      return failed("NOT_FOUND", "No such community", "communityKey");
    }
    String key = community.get().key();
    String street = community.get().streetKey();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("username", String.valueOf(input.username()));
    details.put("role", String.valueOf(input.role()));
    AdminError refusal = refusal(input, operator, community.get());
    Optional<KeycloakUser> user = Optional.empty();
    Optional<String> group = Optional.empty();
    if (refusal == null) {
      user = keycloak.userByUsername(input.username());
      group = keycloak.groupId(input.role().groupPath(key));
      if (user.isEmpty()
          || !(grant
              ? knownTo(operator, street, key, user.get().id())
              : holdsAnyRole(key, user.get().id()))) {
        // the same answer for a username that does not exist and for one outside the community:
        // nothing about other communities' people, not even their names, comes back; someone new
        // to the community comes in by invitation, which they accept themselves
        refusal =
            new AdminError(
                "NOT_FOUND",
                grant
                    ? "No such person in this community; invite them with invitePerson"
                    : "No such person in this community",
                List.of("username"));
      } else if (group.isEmpty()) {
        refusal =
            new AdminError(
                "NOT_FOUND", "The community has no such role group yet", List.of("role"));
      } else if (!grant
          && input.role() == CommunityRoleName.ADMIN
          && isLastAdmin(group.get(), user.get().id())) {
        refusal =
            new AdminError(
                "LAST_ADMIN",
                "A community keeps at least one admin; grant the role to someone else first",
                List.of("username"));
      }
    }
    if (refusal != null) {
      details.put("code", refusal.code());
      audit.record(operator, action, street, key, "REFUSED", null, details);
      return new CommunityRolePayload(null, List.of(refusal));
    }
    keycloak.setMember(user.get().id(), group.get(), grant);
    if (grant) {
      roleMirror.granted(key, user.get().id(), input.role(), operator.userId());
    } else {
      roleMirror.revoked(key, user.get().id(), input.role(), operator.userId());
    }
    audit.record(operator, action, street, key, "OK", null, details);
    String userId = user.get().id();
    PersonWithRoles person =
        peopleOf(key).stream()
            .filter(p -> p.userId().equals(userId))
            .findFirst()
            .orElse(
                new PersonWithRoles(userId, user.get().username(), user.get().name(), List.of()));
    return new CommunityRolePayload(person, List.of());
  }

  public @Nullable AdminError refusal(
      CommunityRoleInput input, Operator operator, CommunityOfStreet community) {
    AdminError refusal = mayManage(operator, community);
    if (refusal != null) {
      return refusal;
    }
    if (input.username() == null || input.username().isBlank()) {
      return new AdminError("INVALID_INPUT", "Whose role?", List.of("username"));
    }
    if (input.role() == null) {
      return new AdminError("INVALID_INPUT", "Which role?", List.of("role"));
    }
    return null;
  }

  /**
   * Why the operator may not change who holds roles in the community, or null if they may: a
   * community outside their reach is "not found", one they only oversee "forbidden", an archived
   * one takes no changes.
   */
  public static @Nullable AdminError mayManage(Operator operator, CommunityOfStreet community) {
    if (!operator.managesPeopleOf(community.key(), community.streetKey())) {
      return operator.oversees(community.streetKey())
          ? new AdminError("FORBIDDEN", "Only the community's or the street's admins", null)
          : new AdminError("NOT_FOUND", "No such community", List.of("communityKey"));
    }
    if ("ARCHIVED".equals(community.status())) {
      return new AdminError("ILLEGAL_TRANSITION", "The community is archived", null);
    }
    return null;
  }

  /**
   * Whether revoking would leave the community without an enabled admin; asked under the
   * community's {@link CommunityAdminLock}, so two revocations cannot both pass it.
   */
  private boolean isLastAdmin(String adminGroup, String userId) {
    List<KeycloakUser> admins = keycloak.members(adminGroup);
    return admins.stream().anyMatch(a -> a.id().equals(userId))
        && admins.stream().filter(a -> a.enabled() && !a.id().equals(userId)).findAny().isEmpty();
  }

  /**
   * Whether the operator may already see the person: anyone for the platform operator; someone
   * holding a role in the street or any of its communities for the street's admins; someone holding
   * a role in this community for its own admins. Nobody learns of an account through a grant: for
   * anyone else the answer is the one for a username nobody has.
   */
  boolean knownTo(
      Operator operator, String streetKey, @Nullable String communityKey, String userId) {
    if (operator.platformOperator()) {
      return true;
    }
    List<String> paths = keycloak.groupPaths(userId);
    List<String> reach = new ArrayList<>();
    if (communityKey != null) {
      reach.add(CommunityRoleName.communityPath(communityKey));
    }
    if (operator.administers(streetKey)) {
      reach.add("/streets/" + streetKey + "/");
      registry.communityKeys(streetKey).stream()
          .map(CommunityRoleName::communityPath)
          .forEach(reach::add);
    }
    return paths.stream().anyMatch(path -> reach.stream().anyMatch(path::startsWith));
  }

  private boolean holdsAnyRole(String key, String userId) {
    String inside = CommunityRoleName.communityPath(key);
    return keycloak.groupPaths(userId).stream().anyMatch(path -> path.startsWith(inside));
  }

  /** Everyone holding a role in the community, with all their roles there. */
  List<PersonWithRoles> peopleOf(String key) {
    Map<String, PersonWithRoles> byId = new LinkedHashMap<>();
    for (CommunityRoleName role : CommunityRoleName.values()) {
      keycloak
          .groupId(role.groupPath(key))
          .ifPresent(
              group -> {
                for (KeycloakUser user : keycloak.members(group)) {
                  byId.computeIfAbsent(
                          user.id(),
                          id ->
                              new PersonWithRoles(
                                  id, user.username(), user.name(), new ArrayList<>()))
                      .roles()
                      .add(role);
                }
              });
    }
    return List.copyOf(byId.values());
  }

  private static CommunityRolePayload failed(String code, String message, String field) {
    return new CommunityRolePayload(null, List.of(new AdminError(code, message, List.of(field))));
  }
}
