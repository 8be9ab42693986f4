package org.redgovernance.api.viewer;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.communities.Community;
import org.redgovernance.api.security.Caller;
import org.redgovernance.api.security.CommunityRole;
import org.redgovernance.api.security.StreetRole;
import org.redgovernance.api.tenancy.AccessScope;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code viewer}: the caller as the token describes them. Role grants for communities outside the
 * request's scope (not registered, or narrowed away by {@code X-Community}) show no community.
 */
@Controller
class ViewerController {

  record Viewer(
      String userId,
      String username,
      String displayName,
      boolean platformOperator,
      List<StreetRoleGrant> streetRoles,
      List<CommunityRoleGrant> communityRoles,
      List<Community> reachableCommunities) {}

  record StreetRoleGrant(String streetKey, Set<StreetRole> roles) {}

  record CommunityRoleGrant(
      String communityKey, @Nullable Community community, Set<CommunityRole> roles) {}

  @QueryMapping
  Viewer viewer(@ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    Caller caller = scope.caller();
    return new Viewer(
        caller.userId(),
        caller.username(),
        caller.displayName(),
        caller.platformOperator(),
        caller.streetRoles().entrySet().stream()
            .map(grant -> new StreetRoleGrant(grant.getKey(), grant.getValue()))
            .sorted(java.util.Comparator.comparing(StreetRoleGrant::streetKey))
            .toList(),
        caller.communityRoles().entrySet().stream()
            .map(
                grant ->
                    new CommunityRoleGrant(
                        grant.getKey(),
                        scope.byKey(grant.getKey()).map(Community::of).orElse(null),
                        grant.getValue()))
            .sorted(java.util.Comparator.comparing(CommunityRoleGrant::communityKey))
            .toList(),
        scope.communities().stream().map(Community::of).toList());
  }
}
