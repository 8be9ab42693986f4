package org.redgovernance.api.limits;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.redgovernance.api.graphql.ErrorCode;

/**
 * Refuses documents with more aliases than {@code maxAliases} before they run: aliases are how one
 * request multiplies the same expensive field. Depth, complexity and token limits are
 * graphql-java's own instrumentations and parser options (see {@link GraphQlConfiguration}).
 */
class QueryLimits extends SimplePerformantInstrumentation {

  private final int maxAliases;

  QueryLimits(int maxAliases) {
    this.maxAliases = maxAliases;
  }

  @Override
  public InstrumentationContext<List<ValidationError>> beginValidation(
      InstrumentationValidationParameters parameters, InstrumentationState state) {
    AtomicInteger aliases = new AtomicInteger();
    new NodeTraverser()
        .depthFirst(
            new NodeVisitorStub() {
              @Override
              public TraversalControl visitField(
                  Field field, TraverserContext<graphql.language.Node> context) {
                // the traverser visits every node on the way in and again on the way out
                if (context.getPhase() == TraverserContext.Phase.ENTER
                    && field.getAlias() != null) {
                  aliases.incrementAndGet();
                }
                return TraversalControl.CONTINUE;
              }
            },
            parameters.getDocument());
    if (aliases.get() > maxAliases) {
      throw new AbortExecutionException(
          List.of(
              tooComplex(
                  "The document has "
                      + aliases.get()
                      + " aliases; at most "
                      + maxAliases
                      + " are allowed")));
    }
    return super.beginValidation(parameters, state);
  }

  static GraphQLError tooComplex(String message) {
    return GraphqlErrorBuilder.newError()
        .errorType(ErrorCode.QUERY_TOO_COMPLEX)
        .message(message)
        .extensions(Map.of("code", ErrorCode.QUERY_TOO_COMPLEX.name()))
        .build();
  }
}
