package org.redgovernance.api.communities;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.FilterValues;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.NodeLookup;
import org.redgovernance.api.graphql.Page;
import org.redgovernance.api.graphql.PageRows;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.CommunityStatus;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code community(key:)} and {@code communities}: the registry rows come from PostgreSQL under the
 * request's tenant context, the names and roles from the request's scope.
 */
@Controller
class CommunityController implements NodeLookup {

  record CommunityFilter(
      @Nullable String streetKey,
      @Nullable List<CommunityStatus> statuses,
      @Nullable List<CommunityStatus> status) {}

  private final TenantTransactions transactions;
  private final CommunityRepository communities;

  CommunityController(TenantTransactions transactions, CommunityRepository communities) {
    this.transactions = transactions;
    this.communities = communities;
  }

  /**
   * Answered from the request's scope, which was itself read from the registry: a community screen
   * whose nested lists each cost one statement pays no extra round trip for its header.
   */
  @QueryMapping
  @Nullable Community community(
      @Argument String key, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return scope.byKey(key).map(Community::of).orElse(null);
  }

  @QueryMapping
  Page<Community> communities(
      @Argument @Nullable Integer first,
      @Argument @Nullable String after,
      @Argument @Nullable CommunityFilter filter,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingFieldSelectionSet selection) {
    int size = Page.size(first);
    String afterKey = after == null ? null : Page.decodeCursor(after);
    String streetKey = filter == null ? null : filter.streetKey();
    List<CommunityStatus> statuses =
        filter == null ? null : FilterValues.anyOf(filter.statuses(), filter.status());
    List<UUID> reachable = scope.communities().stream().map(ReachableCommunity::id).toList();
    PageRows<CommunityRepository.CommunityRow> rows =
        transactions.read(
            scope,
            dsl ->
                communities.page(
                    dsl,
                    reachable,
                    streetKey,
                    statuses,
                    afterKey,
                    size + 1,
                    Page.countAsked(selection)));
    List<Community> shown =
        rows.rows().stream()
            .flatMap(row -> scope.byId(row.id()).stream())
            .map(Community::of)
            .toList();
    return Page.of(new PageRows<>(shown, rows.totalCount()), size, after != null, Community::key);
  }

  @SchemaMapping(typeName = Community.TYPE, field = "id")
  String id(Community community) {
    return GlobalId.of(Community.TYPE, community.id(), community.id());
  }

  @Override
  public java.util.Set<String> types() {
    return java.util.Set.of(Community.TYPE);
  }

  @Override
  public Optional<Object> find(GlobalId id, AccessScope scope) {
    return scope.byId(id.id()).map(Community::of);
  }
}
