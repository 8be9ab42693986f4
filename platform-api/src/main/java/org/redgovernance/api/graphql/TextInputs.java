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
    StorableText.find(
            parameters.getExecutionContext().getExecutionInput().getRawVariables().toMap(),
            "",
            maxLength)
        .ifPresent(TextInputs::refuse);
    return super.beginExecuteOperation(parameters, state);
  }

  private void check(String text, String path) {
    StorableText.find(text, path, maxLength).ifPresent(TextInputs::refuse);
  }

  private static void refuse(StorableText.Problem problem) {
    GraphQLError error =
        GraphqlErrorBuilder.newError()
            .errorType(ErrorCode.INVALID_INPUT)
            .message(problem.message())
            .extensions(Map.of("code", ErrorCode.INVALID_INPUT.name(), "field", problem.path()))
            .build();
    throw new AbortExecutionException(List.of(error));
  }
}
