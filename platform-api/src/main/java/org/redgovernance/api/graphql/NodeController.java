package org.redgovernance.api.graphql;

import java.util.List;
import java.util.Map;
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

  NodeController(List<NodeLookup> lookups) {
    this.lookups =
        lookups.stream()
            .flatMap(lookup -> lookup.types().stream().map(type -> Map.entry(type, lookup)))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  @QueryMapping
  @Nullable Object node(
      @Argument String id, @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    return GlobalId.decode(id)
        .filter(globalId -> scope.byId(globalId.communityId()).isPresent())
        .flatMap(
            globalId ->
                lookups.containsKey(globalId.type())
                    ? lookups.get(globalId.type()).find(globalId, scope)
                    : java.util.Optional.empty())
        .orElse(null);
  }
}
