package org.redgovernance.admin.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.access.CommunityRoleChanges.AdminError;
import org.redgovernance.admin.audit.AdminAuditRepository;
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
 * {@code grantStreetRole} and {@code revokeStreetRole}: the platform operator, or a street's admins
 * in their own street, appoint its admins and viewers (Keycloak groups {@code
 * /streets/<key>/admin|viewer}); audited.
 */
@Controller
class StreetRoleController {

  enum StreetRoleName {
    ADMIN,
    VIEWER
  }

  record StreetRoleInput(
      @Nullable String streetKey, @Nullable String username, @Nullable StreetRoleName role) {}

  record StreetRolePayload(@Nullable String username, List<AdminError> errors) {}

  record StreetPerson(String userId, String username, String name, List<StreetRoleName> roles) {}

  private final AccessRepository registry;
  private final KeycloakAdmin keycloak;
  private final AdminAuditRepository audit;
  private final CommunityRoleChanges roles;

  StreetRoleController(
      AccessRepository registry,
      KeycloakAdmin keycloak,
      AdminAuditRepository audit,
      CommunityRoleChanges roles) {
    this.registry = registry;
    this.keycloak = keycloak;
    this.audit = audit;
    this.roles = roles;
  }

  /** Everyone holding a role in the street, with their roles; for the street's roles. */
  @QueryMapping
  List<StreetPerson> streetPeople(@Argument String streetKey, @AuthenticationPrincipal Jwt token) {
    if (!registry.streetExists(streetKey) || !Operator.of(token).oversees(streetKey)) {
      return List.of();
    }
    Map<String, StreetPerson> byId = new LinkedHashMap<>();
    for (StreetRoleName role : StreetRoleName.values()) {
      keycloak
          .groupId(groupPath(streetKey, role))
          .ifPresent(
              group -> {
                for (KeycloakUser user : keycloak.members(group)) {
                  byId.computeIfAbsent(
                          user.id(),
                          id ->
                              new StreetPerson(id, user.username(), user.name(), new ArrayList<>()))
                      .roles()
                      .add(role);
                }
              });
    }
    return List.copyOf(byId.values());
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
      group = keycloak.groupId(groupPath(street, input.role()));
      if (user.isEmpty()
          || group.isEmpty()
          || !roles.knownTo(operator, street, null, user.get().id())) {
        // a username nobody has and someone outside the street get one answer
        refusal = new AdminError("NOT_FOUND", "No such person in this street", List.of("username"));
      }
    }
    if (refusal != null) {
      details.put("code", refusal.code());
      audit.record(operator, action, street, null, "REFUSED", null, details);
      return new StreetRolePayload(null, List.of(refusal));
    }
    keycloak.setMember(user.get().id(), group.get(), grant);
    audit.record(operator, action, street, null, "OK", null, details);
    return new StreetRolePayload(user.get().username(), List.of());
  }

  private static String groupPath(String street, StreetRoleName role) {
    return "streets/" + street + "/" + role.name().toLowerCase(Locale.ROOT);
  }
}
