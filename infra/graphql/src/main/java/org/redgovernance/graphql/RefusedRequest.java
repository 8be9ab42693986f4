package org.redgovernance.graphql;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * The answer to a request refused before it runs (by an interceptor): one error with its {@code
 * extensions.code}, no data.
 */
public final class RefusedRequest {

  private RefusedRequest() {}

  public static WebGraphQlResponse answer(WebGraphQlRequest request, String code, String message) {
    var error =
        GraphqlErrorBuilder.newError()
            .message(message)
            .errorType(ErrorClassification.errorClassification(code))
            .extensions(Map.of("code", code))
            .build();
    ExecutionResult result = ExecutionResult.newExecutionResult().errors(List.of(error)).build();
    return new WebGraphQlResponse(
        new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
  }
}
