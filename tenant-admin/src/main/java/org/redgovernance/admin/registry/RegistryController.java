package org.redgovernance.admin.registry;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.security.Operator;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;

/**
 * {@code streets} and {@code registeredCommunities}: the platform operator sees every street,
 * street admins and viewers their own; everybody else sees nothing.
 */
@Controller
class RegistryController {

  private final RegistryRepository registry;

  RegistryController(RegistryRepository registry) {
    this.registry = registry;
  }

  @QueryMapping
  List<RegistryRepository.Street> streets(@AuthenticationPrincipal Jwt token) {
    Operator operator = Operator.of(token);
    return registry.streets().stream().filter(street -> operator.oversees(street.key())).toList();
  }

  @QueryMapping
  List<RegistryRepository.RegisteredCommunity> registeredCommunities(
      @Argument @Nullable String streetKey, @AuthenticationPrincipal Jwt token) {
    Operator operator = Operator.of(token);
    return registry.communities().stream()
        .filter(community -> operator.oversees(community.streetKey()))
        .filter(community -> streetKey == null || community.streetKey().equals(streetKey))
        .toList();
  }
}
