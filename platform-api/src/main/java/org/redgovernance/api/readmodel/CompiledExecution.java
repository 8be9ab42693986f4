package org.redgovernance.api.readmodel;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;

/** How GraphQL executes queries whose answers the read model compiled. */
@Configuration(proxyBeanMethods = false)
class CompiledExecution {

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
}
