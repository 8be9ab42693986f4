package org.redgovernance.api.readmodel;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.Selections;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code node(id:)}: any object by its global ID, or null — never another community's object. A
 * type the read model declares is read in one statement for the selection; the others ask their
 * {@link NodeLookup}.
 */
@Controller
class NodeController {

  private final Map<String, NodeLookup> lookups;
  private final ReadModel readModel;
  private final Answers answers;
  private final Selections selections;

  NodeController(
      List<NodeLookup> lookups, ReadModel readModel, Answers answers, Selections selections) {
    this.readModel = readModel;
    this.selections = selections;
    this.answers = answers;
    this.lookups =
        lookups.stream()
            .flatMap(lookup -> lookup.types().stream().map(type -> Map.entry(type, lookup)))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  @QueryMapping
  @Nullable Object node(
      @Argument String id,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    Optional<GlobalId> globalId = GlobalId.decode(id);
    Optional<ReachableCommunity> community =
        globalId.flatMap(known -> scope.byId(known.communityId()));
    if (community.isEmpty()) {
      return null;
    }
    GlobalId known = globalId.get();
    if (readModel.declares(known.type())) {
      List<SelectedField> selection = TypeSelection.of(known.type(), environment);
      Compiled compiled =
          readModel
              .byId(
                  known.type(),
                  new GlobalIdParts(known.communityId(), known.id()),
                  selection,
                  ReadRequest.of(environment))
              .orElseThrow(
                  () -> new IllegalStateException(known.type() + " cannot be read by its id"));
      return answers
          .optional(compiled, scope.narrowedTo(community.get()))
          .map(json -> compiled.answer(json, known.type(), environment))
          .orElse(null);
    }
    NodeLookup lookup = lookups.get(known.type());
    if (lookup == null) {
      return null;
    }
    // a type not declared yet: its lookup writes SQL only for a selection in plain order
    return selectedOn(known.type(), selections.below(environment))
        .map(fields -> lookup.find(known, scope, fields))
        .orElseGet(() -> lookup.find(known, scope))
        .orElse(null);
  }

  /**
   * The fields selected on {@code type}, in the order its answer writes them; empty when that order
   * cannot be told from the list alone (a key first selected on another type's fragment).
   */
  static Optional<List<SelectedField>> selectedOn(String type, List<SelectedField> selection) {
    Set<String> elsewhere = new HashSet<>();
    for (SelectedField field : selection) {
      if (!field.getObjectTypeNames().contains(type)) {
        elsewhere.add(field.getResultKey());
      }
    }
    List<SelectedField> onType =
        selection.stream().filter(field -> field.getObjectTypeNames().contains(type)).toList();
    return onType.stream().anyMatch(field -> elsewhere.contains(field.getResultKey()))
        ? Optional.empty()
        : Optional.of(onType);
  }
}
