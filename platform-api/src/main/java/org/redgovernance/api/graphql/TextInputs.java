package org.redgovernance.api.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Argument;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.ObjectField;
import graphql.language.StringValue;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redgovernance.database.StorableText;

/**
 * Refuses, before anything runs, a request whose text inputs cannot be stored or make no sense: a
 * NUL character (PostgreSQL's text cannot hold one), an unpaired surrogate, a control character
 * other than tab and line breaks, or a string longer than any field takes. This is checked once for
 * every string in the request — literals in the document and every variable value — so that no
 * feature can forget it and no such value reaches SQL as an internal error. The answer is {@code
 * INVALID_INPUT} naming where the value is ({@code extensions.field}); features still check their
 * own, smaller lengths.
 */
final class TextInputs extends SimplePerformantInstrumentation {

  private final int maxLength;

  TextInputs(int maxLength) {
    this.maxLength = maxLength;
  }

  /** Literals: once per document (validated documents are cached, refused ones are not). */
  @Override
  public InstrumentationContext<List<ValidationError>> beginValidation(
      InstrumentationValidationParameters parameters, InstrumentationState state) {
    List<String> path = new ArrayList<>();
    new NodeTraverser()
        .depthFirst(
            new NodeVisitorStub() {
              @Override
              public TraversalControl visitArgument(Argument node, TraverserContext<Node> context) {
                return named(node.getName(), context);
              }

              @Override
              public TraversalControl visitObjectField(
                  ObjectField node, TraverserContext<Node> context) {
                return named(node.getName(), context);
              }

              @Override
              public TraversalControl visitStringValue(
                  StringValue node, TraverserContext<Node> context) {
                if (context.getPhase() == TraverserContext.Phase.ENTER) {
                  check(node.getValue(), String.join(".", path));
                }
                return TraversalControl.CONTINUE;
              }

              private TraversalControl named(String name, TraverserContext<Node> context) {
                if (context.getPhase() == TraverserContext.Phase.ENTER) {
                  path.add(name);
                } else {
                  path.remove(path.size() - 1);
                }
                return TraversalControl.CONTINUE;
              }
            },
            parameters.getDocument());
    return super.beginValidation(parameters, state);
  }

  /** Variables: on every request, before the operation runs. */
  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    checkValue(parameters.getExecutionContext().getExecutionInput().getRawVariables().toMap(), "");
    return super.beginExecuteOperation(parameters, state);
  }

  private void checkValue(Object value, String path) {
    if (value instanceof String text) {
      check(text, path);
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        check(key, path);
        checkValue(entry.getValue(), path.isEmpty() ? key : path + "." + key);
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        checkValue(list.get(i), path + "[" + i + "]");
      }
    }
  }

  private void check(String text, String path) {
    Optional<String> problem = StorableText.problem(text, maxLength);
    if (problem.isPresent()) {
      throw new AbortExecutionException(List.of(invalid(path, problem.get())));
    }
  }

  private static GraphQLError invalid(String path, String problem) {
    String where = path.isEmpty() ? "A text value" : "The value of " + path;
    return GraphqlErrorBuilder.newError()
        .errorType(ErrorCode.INVALID_INPUT)
        .message(where + " " + problem)
        .extensions(Map.of("code", ErrorCode.INVALID_INPUT.name(), "field", path))
        .build();
  }
}
