package org.redgovernance.api.graphql;

import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.redgovernance.graphql.ConnectionTokens;
import org.redgovernance.graphql.DateScalar;
import org.redgovernance.graphql.DateTimeScalar;
import org.redgovernance.graphql.IntrospectionSwitch;
import org.redgovernance.graphql.PersistedQueries;
import org.redgovernance.graphql.TransportWsHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GraphQL conventions every feature shares: scalars, the document cache, text inputs, the
 * WebSocket protocol, statement counting. Limits against abusive documents are {@code limits}'s.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

  /**
   * Apollo's persisted queries, first of all interceptors; in production ({@code
   * rg.graphql.persisted-queries.registered-only}) only the registered documents run: the reference
   * app's and the console's, which the build puts under {@code persisted-queries/}.
   */
  @Bean
  @Order(0)
  PersistedQueries persistedQueries(
      @Value("${rg.graphql.persisted-queries.cache-size:5000}") int cacheSize,
      @Value("${rg.graphql.persisted-queries.registered-only:false}") boolean registeredOnly,
      @Value("${rg.graphql.persisted-queries.location:" + PersistedQueries.DEFAULT_LOCATION + "}")
          String location) {
    return new PersistedQueries(cacheSize, registeredOnly, location);
  }

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

  @Bean
  RuntimeWiringConfigurer scalars() {
    return wiring -> wiring.scalar(DateTimeScalar.INSTANCE).scalar(DateScalar.INSTANCE);
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

  /** Introspection, decided per request: off unless {@code rg.graphql.introspection} says so. */
  @Bean
  IntrospectionSwitch introspectionSwitch(
      @Value("${rg.graphql.introspection:false}") boolean enabled) {
    return new IntrospectionSwitch(enabled);
  }
}
