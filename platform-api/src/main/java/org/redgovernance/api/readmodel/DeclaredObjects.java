package org.redgovernance.api.readmodel;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.Selections;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How an object still resolved in Java reaches a declared one (a household's grid): the declared
 * object by its id, as the field's selection asks, loaded with its siblings — every object of one
 * type, community and field of the document in one statement.
 */
@Component
public class DeclaredObjects {

  private static final String LOADER = "declaredObjects";

  /** One object asked for by one field of the document. */
  private record Key(
      String typeName,
      GlobalIdParts id,
      FieldOfDocument field,
      List<SelectedField> selection,
      ReadRequest request) {}

  /**
   * A field of the parsed document, by identity: every object of a list asks through the same one,
   * and with the same selection.
   */
  private record FieldOfDocument(graphql.language.Field node) {
    @Override
    public boolean equals(Object other) {
      return other instanceof FieldOfDocument that && that.node == node;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(node);
    }
  }

  private record Batch(String typeName, UUID communityId, FieldOfDocument field) {}

  private final ReadModel model;
  private final Answers answers;
  private final Selections selections;

  DeclaredObjects(
      ReadModel model, Answers answers, Selections selections, BatchLoaderRegistry loaders) {
    this.model = model;
    this.answers = answers;
    this.selections = selections;
    loaders
        .<Key, Loaded>forName(LOADER)
        .registerMappedBatchLoader(
            (keys, environment) ->
                Mono.fromCallable(() -> load(keys, environment.<GraphQLContext>getContext())));
  }

  /** The declared object of {@code typeName} with this id (none: null), as the field selects it. */
  public CompletableFuture<@Nullable Object> load(
      String typeName, @Nullable GlobalIdParts id, DataFetchingEnvironment environment) {
    if (id == null) {
      return CompletableFuture.completedFuture(null);
    }
    DataLoader<Key, Loaded> loader = environment.getDataLoader(LOADER);
    return loader
        .load(
            new Key(
                typeName,
                id,
                new FieldOfDocument(environment.getField()),
                // the same for every sibling: worked out once per field of the document
                selections.below(environment),
                ReadRequest.of(environment)))
        .thenApply(
            loaded ->
                loaded == null
                    ? null
                    : Compiled.answer(loaded.json(), List.of(), loaded.marked(), environment));
  }

  /** An object's answer, and what may be refused in it. */
  private record Loaded(RenderedJson json, List<Compiled.Refusal> marked) {}

  private Map<Key, Loaded> load(Set<Key> keys, GraphQLContext context) {
    AccessScope scope = context.get(AccessScope.CONTEXT_KEY);
    Map<Batch, List<Key>> batches = new LinkedHashMap<>();
    for (Key key : keys) {
      batches
          .computeIfAbsent(
              new Batch(key.typeName(), key.id().communityId(), key.field()),
              batch -> new ArrayList<>())
          .add(key);
    }
    Map<Key, Loaded> byKey = new HashMap<>();
    batches.forEach(
        (batch, members) -> {
          ReachableCommunity community = scope.byId(batch.communityId()).orElse(null);
          if (community == null) {
            return;
          }
          Key first = members.get(0);
          var statement =
              model
                  .byIds(
                      batch.typeName(),
                      batch.communityId(),
                      members.stream().map(key -> key.id().id()).distinct().toList(),
                      first.selection(),
                      first.request())
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              batch.typeName() + " cannot be read for this selection"));
          Map<String, RenderedJson> found = answers.byKey(statement, scope.narrowedTo(community));
          for (Key key : members) {
            RenderedJson json = found.get(key.id().id().toString());
            if (json != null) {
              byKey.put(key, new Loaded(json, statement.marked()));
            }
          }
        });
    return byKey;
  }
}
