package org.redgovernance.api.communities;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.FilterValues;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.readmodel.Answers;
import org.redgovernance.api.readmodel.Compiled;
import org.redgovernance.api.readmodel.ReadModel;
import org.redgovernance.api.readmodel.ReadPlans;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.CommunityStatus;
import org.redgovernance.api.tenancy.ReachableCommunity;
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
class CommunityController {

  record CommunityFilter(
      @Nullable String streetKey,
      @Nullable List<CommunityStatus> statuses,
      @Nullable List<CommunityStatus> status) {}

  private final ReadModel readModel;
  private final ReadPlans plans;
  private final Answers answers;

  CommunityController(ReadModel readModel, ReadPlans plans, Answers answers) {
    this.readModel = readModel;
    this.plans = plans;
    this.answers = answers;
  }

  /**
   * The community's header (id, key, name, status, street, myRoles) comes from the request's scope,
   * which was itself read from the registry: a screen that asks only for it pays no statement. A
   * selection with more is compiled whole by the read model: the community and its lists in one
   * statement.
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
    UUID id = reachable.get().id();
    // the selection is looked at only when the read is compiled: graphql-java normalizes the whole
    // operation to answer it, which a kept plan spares every later request
    Optional<Compiled> kept =
        plans.compiled(
            environment,
            request -> {
              List<SelectedField> selection = environment.getSelectionSet().getImmediateFields();
              if (headerOnly(selection)) {
                return Optional.empty();
              }
              return Optional.of(
                  readModel
                      .one(
                          CommunityModels.COMMUNITIES,
                          CommunityModels.byId(id),
                          selection,
                          request,
                          id)
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "community cannot be compiled for this selection")));
            });
    if (kept.isEmpty()) {
      // nothing for SQL to write: the header and the fields still resolved in Java
      return Community.of(reachable.get());
    }
    Compiled compiled = kept.get();
    return answers
        .optional(compiled, scope.narrowedTo(reachable.get()))
        .map(json -> compiled.answer(json, environment))
        .orElse(null);
  }

  /** Whether the selection asks only for the header and fields resolved in Java. */
  private boolean headerOnly(List<SelectedField> selection) {
    return selection.stream()
        .allMatch(
            field ->
                Community.HEADER.contains(field.getName())
                    || !readModel.writesInSql(Community.TYPE, field.getName()));
  }

  /**
   * The caller's communities, compiled whole by the read model: one statement however many
   * communities and lists, the fields not declared yet resolved in Java below it.
   */
  @QueryMapping
  Object communities(
      @Argument @Nullable CommunityFilter filter,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    String streetKey = filter == null ? null : filter.streetKey();
    List<CommunityStatus> statuses =
        filter == null ? null : FilterValues.anyOf(filter.statuses(), filter.status());
    Optional<Compiled> compiled =
        plans.compiled(
            environment,
            request ->
                readModel.page(
                    CommunityModels.COMMUNITIES,
                    CommunityModels.matching(streetKey, statuses),
                    CommunityModels.BY_KEY,
                    environment.getArguments(),
                    environment.getSelectionSet().getImmediateFields(),
                    request,
                    null));
    return compiled
        .map(page -> page.answer(answers.one(page, scope), environment))
        .orElseThrow(
            () -> new IllegalStateException("communities cannot be compiled for this selection"));
  }

  @SchemaMapping(typeName = Community.TYPE, field = "id")
  String id(Community community) {
    return GlobalId.of(Community.TYPE, community.id(), community.id());
  }
}
