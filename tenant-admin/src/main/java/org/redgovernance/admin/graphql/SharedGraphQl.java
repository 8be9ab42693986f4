package org.redgovernance.admin.graphql;

import org.redgovernance.graphql.ConnectionTokens;
import org.redgovernance.graphql.DateTimeScalar;
import org.redgovernance.graphql.IntrospectionSwitch;
import org.redgovernance.graphql.PersistedQueries;
import org.redgovernance.graphql.TransportWsHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * What tenant-admin's GraphQL does exactly as platform-api's: dates, when to introspect, persisted
 * queries, and the WebSocket protocol.
 */
@Configuration(proxyBeanMethods = false)
class SharedGraphQl {

  @Bean
  RuntimeWiringConfigurer dateTimeScalar() {
    return wiring -> wiring.scalar(DateTimeScalar.INSTANCE);
  }

  /**
   * Apollo's persisted queries, as platform-api takes them; in production ({@code
   * rg.graphql.persisted-queries.registered-only}) only the console's documents run, which the
   * build puts under {@code persisted-queries/console/}.
   */
  @Bean
  @Order(0)
  PersistedQueries persistedQueries(
      @Value("${rg.graphql.persisted-queries.cache-size:1000}") int cacheSize,
      @Value("${rg.graphql.persisted-queries.registered-only:false}") boolean registeredOnly,
      @Value("${rg.graphql.persisted-queries.location:" + PersistedQueries.DEFAULT_LOCATION + "}")
          String location) {
    return new PersistedQueries(cacheSize, registeredOnly, location);
  }

  /**
   * The WebSocket endpoint, holding clients to graphql-transport-ws as platform-api does ({@link
   * TransportWsHandler}); the connection's token renewed in pings.
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

  /** Off unless {@code rg.graphql.introspection} (the dev stack) switches it on. */
  @Bean
  IntrospectionSwitch introspectionSwitch(
      @Value("${rg.graphql.introspection:false}") boolean enabled) {
    return new IntrospectionSwitch(enabled);
  }
}
