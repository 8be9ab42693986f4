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
 * A compiled read: the statement, and the fields of its selection the caller may not read — they
 * are written as null, and each becomes an error at its path, as a refused field resolved in Java
 * would (the rest of the answer stays).
 */
public record Compiled(Select<Record1<JSON>> statement, List<Refusal> refusals) {

  /** A refused field: its path below the compiled field (result keys), and why. */
  public record Refusal(List<String> path, String message) {}

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
              .errorType(ErrorCode.FORBIDDEN)
              .message(refusal.message())
              .extensions(Map.of("code", ErrorCode.FORBIDDEN.name()))
              .build());
    }
    return DataFetcherResult.newResult().data(json).errors(errors).build();
  }
}
