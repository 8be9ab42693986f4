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
import org.jooq.Record2;
import org.jooq.Select;
import org.redgovernance.api.graphql.ErrorCode;

/**
 * A compiled read: the statement, whether its answer may hold secrets to reveal ({@link
 * SecretSlots}), and the fields of its selection that cannot be answered — the caller may not read
 * them, or their arguments are wrong. They are written as null, and each becomes an error at its
 * path, as such a field resolved in Java would (the rest of the answer stays).
 */
public record Compiled(
    Select<Record1<JSON>> statement,
    List<Refusal> refusals,
    boolean reveals,
    List<ReadRecord> records) {

  /**
   * A compiled read of several objects, one row per object with its key; {@code reveals}: whether
   * the answers may hold secrets ({@link SecretSlots}); {@code records}: what reading them writes.
   */
  public record Batch(
      Select<Record2<String, JSON>> statement, boolean reveals, List<ReadRecord> records) {}

  /**
   * A field answered with null: its path below the compiled field (result keys), and why (the
   * error's code and message, and its extensions, the code among them).
   */
  public record Refusal(
      List<String> path, ErrorCode code, String message, Map<String, Object> extensions) {}

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
              .extensions(refusal.extensions())
              .build());
    }
    return DataFetcherResult.newResult().data(json).errors(errors).build();
  }
}
