package org.redgovernance.admin.graphql;

import org.redgovernance.graphql.DateTimeScalar;
import org.redgovernance.graphql.SharedGraphQlConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * What tenant-admin's GraphQL does exactly as platform-api's: dates, and what both import ({@link
 * SharedGraphQlConfiguration}: when to introspect, persisted queries, the WebSocket protocol).
 */
@Configuration(proxyBeanMethods = false)
@Import(SharedGraphQlConfiguration.class)
class SharedGraphQl {

  @Bean
  RuntimeWiringConfigurer dateTimeScalar() {
    return wiring -> wiring.scalar(DateTimeScalar.INSTANCE);
  }
}
