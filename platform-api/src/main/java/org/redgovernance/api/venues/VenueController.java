package org.redgovernance.api.venues;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.redgovernance.api.communities.Community;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.NodeLookup;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Community.servicePosts} and {@code Community.partners}, and their {@code node(id:)}. */
@Controller
class VenueController implements NodeLookup {

  private final TenantTransactions transactions;
  private final VenueRepository venues;

  VenueController(TenantTransactions transactions, VenueRepository venues) {
    this.transactions = transactions;
    this.venues = venues;
  }

  @SchemaMapping(typeName = Community.TYPE, field = "servicePosts")
  List<ServicePost> servicePosts(
      Community community, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return transactions.read(
        narrowed(community, scope), dsl -> venues.servicePostsOf(dsl, community.id()));
  }

  @SchemaMapping(typeName = Community.TYPE, field = "partners")
  List<PartnerOrganization> partners(
      Community community, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return transactions.read(
        narrowed(community, scope), dsl -> venues.partnersOf(dsl, community.id()));
  }

  @SchemaMapping(typeName = ServicePost.TYPE, field = "id")
  String servicePostId(ServicePost post) {
    return GlobalId.of(ServicePost.TYPE, post.communityId(), post.id());
  }

  @SchemaMapping(typeName = PartnerOrganization.TYPE, field = "id")
  String partnerId(PartnerOrganization partner) {
    return GlobalId.of(PartnerOrganization.TYPE, partner.communityId(), partner.id());
  }

  @Override
  public Set<String> types() {
    return Set.of(ServicePost.TYPE, PartnerOrganization.TYPE);
  }

  @Override
  public Optional<Object> find(GlobalId id, AccessScope scope) {
    Optional<ReachableCommunity> community = scope.byId(id.communityId());
    if (community.isEmpty()) {
      return Optional.empty();
    }
    AccessScope one = scope.narrowedTo(community.get());
    List<?> found =
        id.type().equals(ServicePost.TYPE)
            ? transactions.read(one, dsl -> venues.servicePost(dsl, id.communityId(), id.id()))
            : transactions.read(one, dsl -> venues.partner(dsl, id.communityId(), id.id()));
    return found.stream().findFirst().map(Object.class::cast);
  }

  private static AccessScope narrowed(Community community, AccessScope scope) {
    ReachableCommunity reachable =
        scope
            .byId(community.id())
            .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such community"));
    return scope.narrowedTo(reachable);
  }
}
