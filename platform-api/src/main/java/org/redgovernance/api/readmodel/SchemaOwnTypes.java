package org.redgovernance.api.readmodel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Types the schema answers about itself, from the schema: no row of the database. */
@Configuration(proxyBeanMethods = false)
class SchemaOwnTypes {

  @Bean
  AnsweredInJava enumLabels() {
    return AnsweredInJava.types(
        "the display labels of the schema's own enums, read from their descriptions", "EnumLabel");
  }
}
