package org.redgovernance.api.graphql;

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
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.redgovernance.graphql.DateScalar;
import org.redgovernance.graphql.DateTimeScalar;
import org.redgovernance.graphql.IntrospectionSwitch;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scalars and limits against abusive documents. The limits are deliberately generous for real
 * screens and small for attacks: deep nesting, wide fan-out, alias batching and huge documents.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

  @Bean
  SqlStatementCounter sqlStatementCounter() {
    return new SqlStatementCounter();
  }

  @Bean
  ExecuteListenerProvider sqlStatementCounting(SqlStatementCounter counter) {
    return new DefaultExecuteListenerProvider(counter);
  }

  @Bean
  GraphQlSourceBuilderCustomizer documentCache(
      @Value("${rg.graphql.document-cache-size:2000}") int size) {
    DocumentCache cache = new DocumentCache(size);
    return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
  }

  /**
   * Queries run with {@link RenderedJsonStrategy}, which takes answers PostgreSQL wrote as they
   * are; errors still go through the application's exception resolvers, as with the default one.
   */
  @Bean
  RenderedJsonStrategy renderedJsonStrategy(
      ObjectProvider<DataFetcherExceptionResolver> resolvers) {
    return new RenderedJsonStrategy(
        DataFetcherExceptionResolver.createExceptionHandler(resolvers.orderedStream().toList()));
  }

  @Bean
  GraphQlSourceBuilderCustomizer renderedJson(RenderedJsonStrategy strategy) {
    return builder -> builder.configureGraphQl(graphQl -> graphQl.queryExecutionStrategy(strategy));
  }

  @Bean
  RuntimeWiringConfigurer scalars() {
    return wiring -> wiring.scalar(DateTimeScalar.INSTANCE).scalar(DateScalar.INSTANCE);
  }

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

  /**
   * The WebSocket endpoint, holding clients to graphql-transport-ws ({@link TransportWsHandler}).
   */
  @Bean
  GraphQlWebSocketHandler graphQlWebSocketHandler(
      WebGraphQlHandler handler,
      JsonMapper json,
      GraphQlProperties properties,
      GraphQlCorsProperties cors,
      ConnectionTokens tokens) {
    return new TransportWsHandler(
        handler,
        json,
        properties.getWebsocket().getConnectionInitTimeout(),
        properties.getWebsocket().getKeepAlive(),
        cors.toCorsConfiguration(),
        tokens);
  }

  @Bean
  TextInputs textInputs(@Value("${rg.graphql.max-string-length:50000}") int maxLength) {
    return new TextInputs(maxLength);
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

  /** Introspection, decided per request: off unless {@code rg.graphql.introspection} says so. */
  @Bean
  IntrospectionSwitch introspectionSwitch(
      @Value("${rg.graphql.introspection:false}") boolean enabled) {
    return new IntrospectionSwitch(enabled);
  }
}
