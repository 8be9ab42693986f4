package org.redgovernance.api.readmodel;

import graphql.schema.DataFetchingEnvironment;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.ErrorCode;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.springframework.stereotype.Component;

/**
 * Answers a declared field whose parent object was resolved in Java (a {@code Community} found from
 * the caller's scope): the field compiled against the parent's row, in one statement in the
 * parent's community.
 */
@Component
public class DeclaredFields {

  private final ReadModel model;
  private final Answers answers;

  DeclaredFields(ReadModel model, Answers answers) {
    this.model = model;
    this.answers = answers;
  }

  /**
   * The field {@code environment} fetches, of the {@code typeName} object with this id: its JSON,
   * with an error at each field below it the caller may not read.
   */
  public Object answer(String typeName, GlobalIdParts parent, DataFetchingEnvironment environment) {
    ReadRequest request = ReadRequest.of(environment);
    ReachableCommunity community =
        request
            .scope()
            .byId(parent.communityId())
            .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such community"));
    String field = environment.getField().getName();
    Compiled compiled =
        model
            .field(typeName, parent, field, Selected.of(environment), request)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        typeName + "." + field + " cannot be compiled for this selection"));
    return compiled.answer(
        answers.one(compiled, request.scope().narrowedTo(community)), environment);
  }
}
