package org.redgovernance.api.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.tenancy.AccessScope;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code node(id:)}: any object by its global ID, or null — never another community's object. */
@Controller
class NodeController {

  private final Map<String, NodeLookup> lookups;
  private final Selections selections;

  NodeController(List<NodeLookup> lookups, Selections selections) {
    this.selections = selections;
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
    return GlobalId.decode(id)
        .filter(globalId -> scope.byId(globalId.communityId()).isPresent())
        .filter(globalId -> lookups.containsKey(globalId.type()))
        .flatMap(globalId -> find(globalId, scope, selections.below(environment)))
        .orElse(null);
  }

  private Optional<Object> find(GlobalId id, AccessScope scope, List<SelectedField> selection) {
    NodeLookup lookup = lookups.get(id.type());
    return selectedOn(id.type(), selection)
        .map(fields -> lookup.find(id, scope, fields))
        .orElseGet(() -> lookup.find(id, scope));
  }

  /**
   * The fields selected on {@code type}, in the order its answer writes them; empty when that order
   * cannot be told. The selection lists each result key where it first appears in the document,
   * whatever the type it was selected on — when another type's fragment has the key first, the
   * answer for {@code type} writes it later than the selection lists it.
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
