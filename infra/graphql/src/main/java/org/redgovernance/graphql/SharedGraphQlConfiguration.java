package org.redgovernance.graphql;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * What both services' GraphQL endpoints do alike, imported by each: error codes, when to
 * introspect, Apollo's persisted queries with their allow-list, the graphql-transport-ws endpoint
 * with its token renewal, and the pace a request body must keep. The settings have the same names
 * in both.
 */
@Configuration(proxyBeanMethods = false)
public class SharedGraphQlConfiguration {

  /** Every error's {@code extensions.code}, outermost of all interceptors ({@link ErrorCodes}). */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ErrorCodeInterceptor errorCodeInterceptor() {
    return new ErrorCodeInterceptor();
  }

  /** The HTTP {@code Retry-After} of answers whose errors say when to try again. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 2)
  RetryAfterHeader retryAfterHeader() {
    return new RetryAfterHeader();
  }

  /**
   * Apollo's persisted queries, first of all interceptors after the error codes; in production
   * ({@code rg.graphql.persisted-queries.registered-only}) only the documents each build registered
   * under {@code persisted-queries/} run: the console's (and on platform-api the reference app's).
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

  /**
   * The WebSocket endpoint, holding clients to graphql-transport-ws ({@link TransportWsHandler});
   * the service's {@link ConnectionTokens} renew a connection's token in pings.
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

  /**
   * The pace a request body must keep: {@code rg.http.body-timeout} (20 s) plus a second for every
   * {@code rg.http.body-min-rate} (1000) bytes received ({@link SlowRequestBodies}).
   */
  @Bean
  WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> slowRequestBodies(
      @Value("${rg.http.body-timeout:PT20S}") Duration timeout,
      @Value("${rg.http.body-min-rate:1000}") int minBytesPerSecond) {
    SlowRequestBodies valve = new SlowRequestBodies(timeout, minBytesPerSecond);
    return factory ->
        factory.addContextCustomizers(context -> context.getPipeline().addValve(valve));
  }

  /** Introspection, decided per request: off unless {@code rg.graphql.introspection} says so. */
  @Bean
  IntrospectionSwitch introspectionSwitch(
      @Value("${rg.graphql.introspection:false}") boolean enabled) {
    return new IntrospectionSwitch(enabled);
  }
}
