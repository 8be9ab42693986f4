package org.redgovernance.api.limits;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.analysis.QueryDepthInfo;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.parser.ParserOptions;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits against abusive documents, deliberately generous for real screens and small for attacks:
 * deep nesting, wide fan-out, alias batching and huge documents.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

  @Bean
  SettledLimits settledLimits(@Value("${rg.graphql.document-cache-size:2000}") int size) {
    return new SettledLimits(size);
  }

  @Bean
  MaxQueryDepthInstrumentation maxDepth(
      @Value("${rg.graphql.max-depth:12}") int maxDepth,
      @Value("${rg.graphql.max-introspection-depth:20}") int maxIntrospectionDepth,
      SettledLimits settled) {
    MaxQueryDepthInstrumentation introspection = depthLimit(maxIntrospectionDepth);
    return new MaxQueryDepthInstrumentation(maxDepth, tooDeep(maxDepth)) {
      @Override
      public InstrumentationContext<ExecutionResult> beginExecuteOperation(
          InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        // the schema's own questions are held to their own depth (IntrospectionOnly)
        if (IntrospectionOnly.test(parameters.getExecutionContext())) {
          return introspection.beginExecuteOperation(parameters, state);
        }
        return settled.check("depth", parameters, state, super::beginExecuteOperation);
      }
    };
  }

  private static MaxQueryDepthInstrumentation depthLimit(int maxDepth) {
    return new MaxQueryDepthInstrumentation(maxDepth, tooDeep(maxDepth));
  }

  private static Function<QueryDepthInfo, Boolean> tooDeep(int maxDepth) {
    return info -> {
      throw new AbortExecutionException(
          List.of(
              QueryLimits.tooComplex(
                  "The document is nested "
                      + info.getDepth()
                      + " levels deep; at most "
                      + maxDepth
                      + " are allowed")));
    };
  }

  @Bean
  QueryCost queryCost(
      @Value("${rg.graphql.max-cost:10000}") long maxCost,
      @Value("${rg.graphql.cost-per-minute:1000000}") long costPerMinute,
      SettledLimits settled) {
    return new QueryCost(maxCost, costPerMinute, settled);
  }

  @Bean
  QueryLimits aliasLimit(
      @Value("${rg.graphql.max-aliases:30}") int maxAliases,
      @Value("${rg.graphql.max-tokens:5000}") int maxTokens) {
    // Tokens are counted by the parser itself, before any validation work is done.
    ParserOptions.setDefaultOperationParserOptions(
        ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(maxTokens)));
    return new QueryLimits(maxAliases);
  }
}
