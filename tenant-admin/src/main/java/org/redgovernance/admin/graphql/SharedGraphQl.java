package org.redgovernance.admin.graphql;

import org.redgovernance.graphql.DateTimeScalar;
import org.redgovernance.graphql.IntrospectionSwitch;
import org.redgovernance.graphql.PersistedQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * What tenant-admin's GraphQL does exactly as platform-api's: dates, when to introspect, and
 * persisted queries.
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

  /** Off unless {@code rg.graphql.introspection} (the dev stack) switches it on. */
  @Bean
  IntrospectionSwitch introspectionSwitch(
      @Value("${rg.graphql.introspection:false}") boolean enabled) {
    return new IntrospectionSwitch(enabled);
  }
}
