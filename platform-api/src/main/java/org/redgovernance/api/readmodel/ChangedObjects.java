package org.redgovernance.api.readmodel;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.Optional;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.springframework.stereotype.Component;

/**
 * Answers a payload's field that holds {@link Changed} (or a list of them): the object read back
 * through the read model for that field's selection (each alias its own), in the community's tenant
 * context; null when it is gone or out of the caller's reach.
 */
@Component
class ChangedObjects implements Instrumentation {

  private final ReadModel model;
  private final Answers answers;

  ChangedObjects(ReadModel model, Answers answers) {
    this.model = model;
    this.answers = answers;
  }

  @Override
  public DataFetcher<?> instrumentDataFetcher(
      DataFetcher<?> dataFetcher,
      InstrumentationFieldFetchParameters parameters,
      InstrumentationState state) {
    // only a plain property whose type is a declared object can hold a Changed
    if (!parameters.isTrivialDataFetcher()
        || !(GraphQLTypeUtil.unwrapAll(parameters.getExecutionStepInfo().getType())
                instanceof GraphQLObjectType type
            && model.declares(type.getName()))) {
      return dataFetcher;
    }
    return environment -> {
      Object value = dataFetcher.get(environment);
      if (value instanceof List<?> list && list.stream().anyMatch(Changed.class::isInstance)) {
        // a few objects made by one change (a series' meetings): each read back on its own
        return list.stream()
            .map(item -> item instanceof Changed changed ? readBack(changed, environment) : item)
            .toList();
      }
      return value instanceof Changed changed ? readBack(changed, environment) : value;
    };
  }

  private Object readBack(Changed changed, DataFetchingEnvironment environment) {
    Optional<ReadBack.Answer> read = changed.readFor(environment.getField().getResultKey());
    if (read.isPresent()) {
      Compiled compiled = read.get().compiled();
      return read.get().json().map(json -> compiled.answer(json, environment)).orElse(null);
    }
    AccessScope scope = environment.getGraphQlContext().get(AccessScope.CONTEXT_KEY);
    ReachableCommunity community = scope.byId(changed.communityId()).orElse(null);
    if (community == null) {
      return null;
    }
    Compiled compiled =
        model
            .byId(
                changed.typeName(),
                new GlobalIdParts(changed.communityId(), changed.id()),
                environment.getSelectionSet().getImmediateFields(),
                ReadRequest.of(environment))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        changed.typeName() + " cannot be read back for this selection"));
    return answers
        .optional(compiled, scope.narrowedTo(community))
        .map(json -> compiled.answer(json, environment))
        .orElse(null);
  }
}
