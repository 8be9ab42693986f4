package org.redgovernance.api.notices;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.communities.Community;
import org.redgovernance.api.graphql.FilterValues;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.NodeLookup;
import org.redgovernance.api.graphql.Page;
import org.redgovernance.api.graphql.PageRows;
import org.redgovernance.api.graphql.TimeCursor;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Reading notices: the {@code notices} connection, {@code node(id:)} and the type's links. */
@Controller
class NoticeController implements NodeLookup {

  record NoticeFilter(
      @Nullable String communityKey,
      @Nullable List<NoticeStatus> statuses,
      @Nullable NoticeStatus status,
      @Nullable List<NoticeAudience> audiences,
      @Nullable NoticeAudience audience) {}

  private final TenantTransactions transactions;
  private final NoticeRepository notices;

  NoticeController(TenantTransactions transactions, NoticeRepository notices) {
    this.transactions = transactions;
    this.notices = notices;
  }

  @QueryMapping
  Page<Notice> notices(
      @Argument @Nullable Integer first,
      @Argument @Nullable String after,
      @Argument @Nullable NoticeFilter filter,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingFieldSelectionSet selection) {
    int size = Page.size(first);
    boolean counted = Page.countAsked(selection);
    TimeCursor cursor = after == null ? null : TimeCursor.decode(after);
    List<ReachableCommunity> communities = scope.communities();
    if (filter != null && filter.communityKey() != null) {
      communities = scope.byKey(filter.communityKey()).stream().toList();
    }
    Map<NoticeVisibility, List<UUID>> byVisibility =
        communities.stream()
            .collect(
                Collectors.groupingBy(
                    NoticeVisibility::of,
                    () -> new EnumMap<>(NoticeVisibility.class),
                    Collectors.mapping(ReachableCommunity::id, Collectors.toList())));
    PageRows<Notice> rows =
        byVisibility.isEmpty()
            ? new PageRows<>(List.of(), counted ? 0 : null)
            : transactions.read(
                scope,
                dsl ->
                    notices.page(
                        dsl,
                        byVisibility,
                        filter == null
                            ? null
                            : FilterValues.anyOf(filter.statuses(), filter.status()),
                        filter == null
                            ? null
                            : FilterValues.anyOf(filter.audiences(), filter.audience()),
                        cursor,
                        size + 1,
                        counted));
    return Page.of(
        rows, size, after != null, notice -> TimeCursor.key(notice.publishedAt(), notice.id()));
  }

  @SchemaMapping(typeName = Notice.TYPE, field = "id")
  String id(Notice notice) {
    return GlobalId.of(Notice.TYPE, notice.communityId(), notice.id());
  }

  @SchemaMapping(typeName = Notice.TYPE, field = "community")
  Community community(Notice notice, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return scope
        .byId(notice.communityId())
        .map(Community::of)
        .orElseThrow(() -> new IllegalStateException("Notice outside the request's scope"));
  }

  @Override
  public java.util.Set<String> types() {
    return java.util.Set.of(Notice.TYPE);
  }

  @Override
  public Optional<Object> find(GlobalId id, AccessScope scope) {
    return scope
        .byId(id.communityId())
        .flatMap(
            community ->
                transactions
                    .read(scope, dsl -> notices.find(dsl, id.communityId(), id.id()))
                    .filter(NoticeVisibility.of(community)::allows));
  }
}
