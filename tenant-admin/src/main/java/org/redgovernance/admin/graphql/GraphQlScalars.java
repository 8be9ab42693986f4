package org.redgovernance.admin.graphql;

import org.redgovernance.graphql.DateTimeScalar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The {@code DateTime} scalar, declared exactly as platform-api declares it. */
@Configuration(proxyBeanMethods = false)
class GraphQlScalars {

  @Bean
  RuntimeWiringConfigurer dateTimeScalar() {
    return wiring -> wiring.scalar(DateTimeScalar.INSTANCE);
  }
}
