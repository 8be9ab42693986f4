package org.redgovernance.api.readmodel;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.JSON;
import org.jooq.Record1;
import org.jooq.Select;
import org.redgovernance.api.graphql.ErrorCode;

/**
 * A compiled read: the statement, and the fields of its selection that cannot be answered — the
 * caller may not read them, or their arguments are wrong. They are written as null, and each
 * becomes an error at its path, as such a field resolved in Java would (the rest of the answer
 * stays).
 */
public record Compiled(Select<Record1<JSON>> statement, List<Refusal> refusals) {

  /** A field answered with null: its path below the compiled field (result keys), and why. */
  public record Refusal(List<String> path, ErrorCode code, String message) {}

  /** The field's answer: the JSON, with an error for each refused field below it. */
  public Object answer(RenderedJson json, DataFetchingEnvironment environment) {
    if (refusals.isEmpty()) {
      return json;
    }
    List<GraphQLError> errors = new ArrayList<>();
    ResultPath here = environment.getExecutionStepInfo().getPath();
    for (Refusal refusal : refusals) {
      ResultPath path = here;
      for (String key : refusal.path()) {
        path = path.segment(key);
      }
      errors.add(
          GraphqlErrorBuilder.newError(environment)
              .path(path)
              .errorType(refusal.code())
              .message(refusal.message())
              .extensions(Map.of("code", refusal.code().name()))
              .build());
    }
    return DataFetcherResult.newResult().data(json).errors(errors).build();
  }
}
