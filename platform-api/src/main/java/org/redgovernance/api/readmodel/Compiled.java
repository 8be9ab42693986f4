package org.redgovernance.api.readmodel;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redgovernance.api.graphql.ErrorCode;

/**
 * A compiled read: the statement, whether its answer may hold secrets to reveal ({@link
 * SecretSlots}), what reading it writes ({@link ReadRecord}), and the fields of its selection that
 * cannot be answered — the caller may not read them, or their arguments are wrong. They are written
 * as null, and each becomes an error at its path, as such a field resolved in Java would (the rest
 * of the answer stays): {@code refusals} at paths known while compiling, {@code marked} where the
 * answer marks them ({@link RefusalMarks}), in rows of lists. {@code reusable}: compiling the read
 * again for the same selection and caller gives the same statement and has no effect of its own (a
 * lookup by phone number is charged to the caller's budget while compiling; such a read is not).
 */
public record Compiled(
    ReadStatement statement,
    List<Refusal> refusals,
    List<Refusal> marked,
    boolean reveals,
    List<ReadRecord> records,
    List<Deferrals.Deferral> deferrals,
    boolean reusable) {

  /**
   * This read sending {@code other} (the same statement, rendered once, or with the values of
   * another request).
   */
  Compiled sending(ReadStatement other) {
    return new Compiled(other, refusals, marked, reveals, records, deferrals, reusable);
  }

  /**
   * Whether reading writes in its transaction besides the statement: the records of the reading
   * before it, the secrets' keepers after it. Such a read runs in a write transaction.
   */
  boolean writesAround() {
    return reveals || !records.isEmpty();
  }

  /**
   * Whether the statement is all the work of reading: nothing is written around it, nothing
   * resolved in Java after it. Only such a read may carry its transaction's commit.
   */
  boolean statementOnly() {
    return !writesAround() && deferrals.isEmpty();
  }

  /**
   * Whether {@code other} is this read in all but its statement: the same fields refused, the same
   * secrets and fields resolved in Java, nothing to record.
   */
  boolean sameBesidesStatement(Compiled other) {
    return refusals.equals(other.refusals)
        && marked.equals(other.marked)
        && reveals == other.reveals
        && records.isEmpty()
        && other.records.isEmpty()
        && deferrals.equals(other.deferrals);
  }

  /**
   * A field answered with null: its path below the compiled field (result keys and list indexes),
   * and why (the error's code and message, and its extensions, the code among them).
   */
  public record Refusal(
      List<Object> path, ErrorCode code, String message, Map<String, Object> extensions) {}

  /**
   * The field's answer: the JSON, with an error for each refused field below it — those at paths
   * known while compiling, and those marked in the answer.
   */
  public Object answer(RenderedJson json, DataFetchingEnvironment environment) {
    Object data = json.tree() == null ? json : json.tree();
    if (refusals.isEmpty() && json.marks().isEmpty()) {
      return data;
    }
    List<GraphQLError> errors = new ArrayList<>();
    ResultPath here = environment.getExecutionStepInfo().getPath();
    for (Refusal refusal : refusals) {
      errors.add(error(here, refusal.path(), refusal, environment));
    }
    for (RefusalMarks.Found mark : json.marks()) {
      errors.add(error(here, mark.path(), marked.get(mark.index()), environment));
    }
    return DataFetcherResult.newResult().data(data).errors(errors).build();
  }

  /**
   * The answer of a field of an interface type ({@code node(id:)}), an object of {@code typeName}:
   * taken apart for fields resolved in Java below it, it tells its type.
   */
  public Object answer(RenderedJson json, String typeName, DataFetchingEnvironment environment) {
    if (json.tree() instanceof CompiledObject object) {
      object.typeName(typeName);
    }
    return answer(json, environment);
  }

  private static GraphQLError error(
      ResultPath here, List<Object> below, Refusal refusal, DataFetchingEnvironment environment) {
    ResultPath path = here;
    for (Object segment : below) {
      path =
          segment instanceof Integer index ? path.segment(index) : path.segment((String) segment);
    }
    return GraphqlErrorBuilder.newError(environment)
        .path(path)
        .errorType(refusal.code())
        .message(refusal.message())
        .extensions(refusal.extensions())
        .build();
  }
}
