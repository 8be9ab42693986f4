package org.redgovernance.api.readmodel;

import graphql.schema.DataFetchingEnvironment;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.tenancy.AccessScope;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code node(id:)}: any object by its global ID, or null — never another community's object. A
 * type the read model declares is read in one statement for the selection, as the caller may see
 * it.
 */
@Controller
class NodeController {

  private final ReadModel readModel;
  private final ReadPlans plans;
  private final Answers answers;

  NodeController(ReadModel readModel, ReadPlans plans, Answers answers) {
    this.readModel = readModel;
    this.plans = plans;
    this.answers = answers;
  }

  @QueryMapping
  @Nullable Object node(
      @Argument String id,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope,
      DataFetchingEnvironment environment) {
    Optional<GlobalId> globalId = GlobalId.decode(id);
    // a tenant object's id names its community; a street's own object's (a rollout project) its
    // street, read as the street's communities the caller reaches
    Optional<AccessScope> narrowed =
        globalId.flatMap(
            known ->
                scope
                    .byId(known.communityId())
                    .map(scope::narrowedTo)
                    .or(
                        () ->
                            scope
                                .streetById(known.communityId())
                                .map(street -> scope.narrowedTo(street.communities()))));
    if (narrowed.isEmpty()) {
      return null;
    }
    GlobalId known = globalId.get();
    if (readModel.declares(known.type())) {
      // the selection is worked out only when the plan is compiled: graphql-java normalizes the
      // whole operation to answer it, a fifth of a node read's CPU when done on every request
      Compiled compiled =
          plans
              .compiled(
                  environment,
                  request ->
                      readModel.byId(
                          known.type(),
                          new GlobalIdParts(known.communityId(), known.id()),
                          TypeSelection.of(known.type(), environment),
                          request))
              .orElseThrow(
                  () -> new IllegalStateException(known.type() + " cannot be read by its id"));
      return answers
          .optional(compiled, narrowed.get())
          .map(json -> compiled.answer(json, known.type(), environment))
          .orElse(null);
    }
    // a type the read model does not declare has no node (NodeResolvabilityIntegrationTests)
    return null;
  }
}
