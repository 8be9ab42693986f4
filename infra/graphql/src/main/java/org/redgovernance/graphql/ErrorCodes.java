package org.redgovernance.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import org.springframework.graphql.ResponseError;

/**
 * The {@code extensions.code} of an error, one rule for both services and every place that reads
 * it: the code the error carries, else the one its classification stands for — graphql-java's own
 * (syntax, validation, an aborted execution) by name, a service's enum of codes by the constant's
 * name, anything else {@code INTERNAL}. {@link ErrorCodeInterceptor} puts it into the answer; the
 * request log and the metrics, which see the errors before it, read it here.
 */
public final class ErrorCodes {

  private ErrorCodes() {}

  /** The code the client sees for {@code error}. */
  public static String of(ResponseError error) {
    return error.getExtensions().get("code") instanceof String code
        ? code
        : of(error.getErrorType());
  }

  /** The code an error of this classification gets when it carries none. */
  static String of(ErrorClassification type) {
    if (type == ErrorType.InvalidSyntax) {
      return "GRAPHQL_PARSE_FAILED";
    }
    if (type == ErrorType.ValidationError) {
      return "GRAPHQL_VALIDATION_FAILED";
    }
    if (type == ErrorType.ExecutionAborted) {
      // graphql-java aborts an execution when an instrumentation's limit refuses it
      return "QUERY_TOO_COMPLEX";
    }
    if (type instanceof Enum<?> code && !(type instanceof ErrorType)) {
      return code.name();
    }
    return "INTERNAL";
  }
}
