package org.redgovernance.admin.graphql;

import org.redgovernance.graphql.DateTimeScalar;
import org.redgovernance.graphql.IntrospectionSwitch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** What tenant-admin's GraphQL does exactly as platform-api's: dates, and when to introspect. */
@Configuration(proxyBeanMethods = false)
class SharedGraphQl {

  @Bean
  RuntimeWiringConfigurer dateTimeScalar() {
    return wiring -> wiring.scalar(DateTimeScalar.INSTANCE);
  }

  /** Off unless {@code rg.graphql.introspection} (the dev stack) switches it on. */
  @Bean
  IntrospectionSwitch introspectionSwitch(
      @Value("${rg.graphql.introspection:false}") boolean enabled) {
    return new IntrospectionSwitch(enabled);
  }
}
