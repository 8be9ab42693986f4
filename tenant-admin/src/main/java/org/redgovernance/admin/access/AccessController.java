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
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;

/**
 * {@code communityPeople}, {@code grantCommunityRole} and {@code revokeCommunityRole}. A community
 * outside the caller's reach is "not found"; one they may see but not manage is "forbidden". Every
 * change, and every refused attempt on an existing community, goes to the street's audit log.
 */
@Controller
class AccessController {

  record PersonWithRoles(
      String userId, String username, String name, List<CommunityRoleName> roles) {}

  record CommunityRoleInput(
      @Nullable String communityKey, @Nullable String username, @Nullable CommunityRoleName role) {}

  record AdminError(String code, String message, @Nullable List<String> field) {}

  record CommunityRolePayload(@Nullable PersonWithRoles person, List<AdminError> errors) {}

  enum StreetRoleName {
    ADMIN,
    VIEWER
  }

  record StreetRoleInput(
      @Nullable String streetKey, @Nullable String username, @Nullable StreetRoleName role) {}

  record StreetRolePayload(@Nullable String username, List<AdminError> errors) {}

  record RemoveFromCommunityInput(@Nullable String communityKey, @Nullable String username) {}

  record InvitePersonInput(
      @Nullable String communityKey,
      @Nullable String username,
      @Nullable String email,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable CommunityRoleName role) {}

  record InvitePersonPayload(
      @Nullable PersonWithRoles person, boolean invitationSent, List<AdminError> errors) {}

  private final AccessRepository registry;
  private final KeycloakAdmin keycloak;
  private final AdminAuditRepository audit;
  private final CommunityAdminLock adminLock;

  AccessController(
      AccessRepository registry,
      KeycloakAdmin keycloak,
      AdminAuditRepository audit,
      CommunityAdminLock adminLock) {
    this.registry = registry;
    this.keycloak = keycloak;
    this.audit = audit;
    this.adminLock = adminLock;
  }

  @QueryMapping
  List<PersonWithRoles> communityPeople(
      @Argument String communityKey, @AuthenticationPrincipal Jwt token) {
    Operator operator = Operator.of(token);
    Optional<CommunityOfStreet> community = registry.community(communityKey);
    if (community.isEmpty()
        || !(operator.oversees(community.get().streetKey())
            || operator.managesPeopleOf(communityKey, community.get().streetKey()))) {
      return List.of();
    }
    return communityPeopleOf(communityKey);
  }

  @MutationMapping
  CommunityRolePayload grantCommunityRole(
      @Argument CommunityRoleInput input, @AuthenticationPrincipal Jwt token) {
    return change(input, Operator.of(token), true);
  }

  @MutationMapping
  CommunityRolePayload revokeCommunityRole(
      @Argument CommunityRoleInput input, @AuthenticationPrincipal Jwt token) {
    return change(input, Operator.of(token), false);
  }

  private CommunityRolePayload change(CommunityRoleInput input, Operator operator, boolean grant) {
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
      if (user.isEmpty()) {
        refusal = new AdminError("NOT_FOUND", "No such user", List.of("username"));
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
    if (grant) {
      keycloak.join(user.get().id(), group.get());
    } else {
      keycloak.leave(user.get().id(), group.get());
    }
    audit.record(operator, action, street, key, "OK", null, details);
    String userId = user.get().id();
    PersonWithRoles person =
        communityPeopleOf(key).stream()
            .filter(p -> p.userId().equals(userId))
            .findFirst()
            .orElse(
                new PersonWithRoles(userId, user.get().username(), user.get().name(), List.of()));
    return new CommunityRolePayload(person, List.of());
  }

  /**
   * Brings a new person into a community: their Keycloak user is created (or found by username)
   * with the required actions to verify the e-mail and set a password, given the role, and sent the
   * invitation by e-mail.
   */
  @MutationMapping
  InvitePersonPayload invitePerson(
      @Argument InvitePersonInput input, @AuthenticationPrincipal Jwt token) {
    Operator operator = Operator.of(token);
    String email = input.email() == null ? "" : input.email().strip();
    if (!email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
      return new InvitePersonPayload(
          null,
          false,
          List.of(new AdminError("INVALID_INPUT", "An e-mail address", List.of("email"))));
    }
    if (input.username() == null || !input.username().matches("^[a-z0-9][a-z0-9._-]{2,62}$")) {
      return new InvitePersonPayload(
          null,
          false,
          List.of(
              new AdminError(
                  "INVALID_INPUT",
                  "3 to 63 lower-case letters, digits, '.', '_' or '-'",
                  List.of("username"))));
    }
    Optional<CommunityOfStreet> community =
        input.communityKey() == null ? Optional.empty() : registry.community(input.communityKey());
    AdminError refusal =
        community.isEmpty()
            ? new AdminError("NOT_FOUND", "No such community", List.of("communityKey"))
            : refusal(
                new CommunityRoleInput(input.communityKey(), input.username(), input.role()),
                operator,
                community.get());
    if (refusal != null) {
      return new InvitePersonPayload(null, false, List.of(refusal));
    }
    KeycloakUser user;
    try {
      user =
          keycloak.ensureUser(
              input.username(),
              email,
              input.firstName() == null ? "" : input.firstName().strip(),
              input.lastName() == null ? "" : input.lastName().strip());
    } catch (KeycloakAdmin.EmailTaken taken) {
      return new InvitePersonPayload(
          null,
          false,
          List.of(
              new AdminError(
                  "CONFLICT", "Another user has this e-mail address", List.of("email"))));
    }
    CommunityRolePayload granted =
        change(
            new CommunityRoleInput(input.communityKey(), user.username(), input.role()),
            operator,
            true);
    if (!granted.errors().isEmpty()) {
      return new InvitePersonPayload(null, false, granted.errors());
    }
    boolean sent = keycloak.sendInvitation(user.id());
    return new InvitePersonPayload(granted.person(), sent, List.of());
  }

  @MutationMapping
  StreetRolePayload grantStreetRole(
      @Argument StreetRoleInput input, @AuthenticationPrincipal Jwt token) {
    return changeStreetRole(input, Operator.of(token), true);
  }

  @MutationMapping
  StreetRolePayload revokeStreetRole(
      @Argument StreetRoleInput input, @AuthenticationPrincipal Jwt token) {
    return changeStreetRole(input, Operator.of(token), false);
  }

  /**
   * Takes every role a person holds in one community away, leaving their other communities alone;
   * refused if they are its last admin.
   */
  @MutationMapping
  CommunityRolePayload removeFromCommunity(
      @Argument RemoveFromCommunityInput input, @AuthenticationPrincipal Jwt token) {
    Operator operator = Operator.of(token);
    CommunityRolePayload last = null;
    // the admin role first: if the person is the last admin, the refusal comes before anything
    // was removed
    List<CommunityRoleName> order = new ArrayList<>(List.of(CommunityRoleName.values()));
    order.remove(CommunityRoleName.ADMIN);
    order.add(0, CommunityRoleName.ADMIN);
    for (CommunityRoleName role : order) {
      CommunityRolePayload result =
          change(
              new CommunityRoleInput(input.communityKey(), input.username(), role),
              operator,
              false);
      if (!result.errors().isEmpty()) {
        return result;
      }
      last = result;
    }
    return last;
  }

  private StreetRolePayload changeStreetRole(
      StreetRoleInput input, Operator operator, boolean grant) {
    String street = input.streetKey() == null ? "" : input.streetKey();
    String action = grant ? "street-role.granted" : "street-role.revoked";
    if (!registry.streetExists(street) || !operator.oversees(street)) {
      return new StreetRolePayload(
          null, List.of(new AdminError("NOT_FOUND", "No such street", List.of("streetKey"))));
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("username", String.valueOf(input.username()));
    details.put("role", String.valueOf(input.role()));
    AdminError refusal = null;
    if (!operator.administers(street)) {
      refusal = new AdminError("FORBIDDEN", "Only the street's admins", null);
    } else if (input.role() == null || input.username() == null) {
      refusal = new AdminError("INVALID_INPUT", "Whose role, and which?", List.of("username"));
    }
    Optional<KeycloakUser> user = Optional.empty();
    Optional<String> group = Optional.empty();
    if (refusal == null) {
      user = keycloak.userByUsername(input.username());
      group = keycloak.groupId("streets/" + street + "/" + input.role().name().toLowerCase());
      if (user.isEmpty() || group.isEmpty()) {
        refusal = new AdminError("NOT_FOUND", "No such user or role group", List.of("username"));
      }
    }
    if (refusal != null) {
      details.put("code", refusal.code());
      audit.record(operator, action, street, null, "REFUSED", null, details);
      return new StreetRolePayload(null, List.of(refusal));
    }
    if (grant) {
      keycloak.join(user.get().id(), group.get());
    } else {
      keycloak.leave(user.get().id(), group.get());
    }
    audit.record(operator, action, street, null, "OK", null, details);
    return new StreetRolePayload(user.get().username(), List.of());
  }

  private @Nullable AdminError refusal(
      CommunityRoleInput input, Operator operator, CommunityOfStreet community) {
    if (!operator.managesPeopleOf(community.key(), community.streetKey())) {
      return operator.oversees(community.streetKey())
          ? new AdminError("FORBIDDEN", "Only the community's or the street's admins", null)
          : new AdminError("NOT_FOUND", "No such community", List.of("communityKey"));
    }
    if (input.username() == null || input.username().isBlank()) {
      return new AdminError("INVALID_INPUT", "Whose role?", List.of("username"));
    }
    if (input.role() == null) {
      return new AdminError("INVALID_INPUT", "Which role?", List.of("role"));
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

  /** Everyone holding a role in the community, with all their roles there. */
  private List<PersonWithRoles> communityPeopleOf(String key) {
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
