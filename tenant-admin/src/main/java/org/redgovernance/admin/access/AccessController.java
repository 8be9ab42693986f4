package org.redgovernance.admin.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.access.AccessRepository.CommunityOfStreet;
import org.redgovernance.admin.access.CommunityRoleChanges.CommunityRoleInput;
import org.redgovernance.admin.access.CommunityRoleChanges.CommunityRolePayload;
import org.redgovernance.admin.access.CommunityRoleChanges.PersonWithRoles;
import org.redgovernance.admin.identity.CommunityRoleName;
import org.redgovernance.admin.security.Operator;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;

/**
 * {@code communityPeople}, {@code grantCommunityRole}, {@code revokeCommunityRole} and {@code
 * removeFromCommunity}; the checks and the audit are {@link CommunityRoleChanges}'.
 */
@Controller
class AccessController {

  record RemoveFromCommunityInput(@Nullable String communityKey, @Nullable String username) {}

  private final AccessRepository registry;
  private final CommunityRoleChanges roles;

  AccessController(AccessRepository registry, CommunityRoleChanges roles) {
    this.registry = registry;
    this.roles = roles;
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
    return roles.peopleOf(communityKey);
  }

  @MutationMapping
  CommunityRolePayload grantCommunityRole(
      @Argument CommunityRoleInput input, @AuthenticationPrincipal Jwt token) {
    return roles.change(input, Operator.of(token), true);
  }

  @MutationMapping
  CommunityRolePayload revokeCommunityRole(
      @Argument CommunityRoleInput input, @AuthenticationPrincipal Jwt token) {
    return roles.change(input, Operator.of(token), false);
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
    // only the roles the person holds (a revocation of someone outside the community is refused
    // with NOT_FOUND, which the first one tells when they hold none)
    Optional<CommunityOfStreet> community =
        input.communityKey() == null ? Optional.empty() : registry.community(input.communityKey());
    boolean mayLook =
        community.isPresent()
            && input.username() != null
            && CommunityRoleChanges.mayManage(operator, community.get()) == null;
    List<CommunityRoleName> order =
        new ArrayList<>(
            !mayLook
                ? List.of()
                : roles.peopleOf(community.get().key()).stream()
                    .filter(person -> person.username().equals(input.username()))
                    .findFirst()
                    .map(PersonWithRoles::roles)
                    .orElse(List.of()));
    order.remove(CommunityRoleName.ADMIN);
    order.add(0, CommunityRoleName.ADMIN);
    for (CommunityRoleName role : order) {
      CommunityRolePayload result =
          roles.change(
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
}
