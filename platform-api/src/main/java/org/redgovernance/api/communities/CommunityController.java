package org.redgovernance.api.communities;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.FilterValues;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.NodeLookup;
import org.redgovernance.api.graphql.Page;
import org.redgovernance.api.graphql.PageRows;
import org.redgovernance.api.readmodel.Answers;
import org.redgovernance.api.readmodel.Compiled;
import org.redgovernance.api.readmodel.ReadModel;
import org.redgovernance.api.readmodel.ReadRequest;
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

  private final ReadModel readModel;
  private final Answers answers;

  CommunityController(
      TenantTransactions transactions,
      CommunityRepository communities,
      ReadModel readModel,
      Answers answers) {
    this.transactions = transactions;
    this.communities = communities;
    this.readModel = readModel;
    this.answers = answers;
  }

  /**
   * The community's header (id, key, name, status, street, myRoles) comes from the request's scope,
   * which was itself read from the registry: a screen that asks only for it pays no statement. A
   * selection with more is compiled whole by the read model when every field it selects is
   * declared: the community and its lists in one statement.
   */
  @QueryMapping
  @Nullable Object community(
      @Argument String key,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    Optional<ReachableCommunity> reachable = scope.byKey(key);
    if (reachable.isEmpty()) {
      return null;
    }
    List<SelectedField> selection = environment.getSelectionSet().getImmediateFields();
    if (selection.stream().allMatch(field -> HEADER.contains(field.getName()))) {
      return Community.of(reachable.get());
    }
    UUID id = reachable.get().id();
    Optional<Compiled> compiled =
        readModel.one(
            CommunityModels.COMMUNITIES,
            CommunityModels.byId(id),
            selection,
            ReadRequest.of(environment),
            id);
    return compiled.isEmpty()
        ? Community.of(reachable.get())
        : answers
            .optional(compiled.get(), scope.narrowedTo(reachable.get()))
            .map(json -> compiled.get().answer(json, environment))
            .orElse(null);
  }

  /** What the scope knows of a community without asking the database. */
  private static final Set<String> HEADER =
      Set.of("__typename", "id", "key", "name", "status", "street", "myRoles");

  /**
   * The caller's communities: compiled whole by the read model when every field selected of them is
   * declared and readable in every community alike (one statement, however many communities and
   * lists), else a page of communities whose fields resolve one by one.
   */
  @QueryMapping
  Object communities(
      @Argument @Nullable Integer first,
      @Argument @Nullable String after,
      @Argument @Nullable CommunityFilter filter,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    String streetKey = filter == null ? null : filter.streetKey();
    List<CommunityStatus> statuses =
        filter == null ? null : FilterValues.anyOf(filter.statuses(), filter.status());
    Optional<Compiled> compiled =
        readModel.page(
            CommunityModels.COMMUNITIES,
            CommunityModels.matching(streetKey, statuses),
            CommunityModels.BY_KEY,
            environment.getArguments(),
            environment.getSelectionSet().getImmediateFields(),
            ReadRequest.of(environment),
            null);
    if (compiled.isPresent()) {
      return compiled.get().answer(answers.one(compiled.get(), scope), environment);
    }
    DataFetchingFieldSelectionSet selection = environment.getSelectionSet();
    int size = Page.size(first);
    String afterKey = after == null ? null : Page.decodeCursor(after);
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
