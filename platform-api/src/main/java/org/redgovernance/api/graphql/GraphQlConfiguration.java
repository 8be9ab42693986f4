package org.redgovernance.api.graphql;

import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.redgovernance.graphql.DateScalar;
import org.redgovernance.graphql.DateTimeScalar;
import org.redgovernance.graphql.SharedGraphQlConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The GraphQL conventions every feature shares: scalars, the document cache, text inputs, statement
 * counting, and what both services share ({@link SharedGraphQlConfiguration}: persisted queries,
 * the WebSocket protocol, introspection). Limits against abusive documents are {@code limits}'s.
 */
@Configuration(proxyBeanMethods = false)
@Import(SharedGraphQlConfiguration.class)
class GraphQlConfiguration {

  @Bean
  SqlStatementCounter sqlStatementCounter(@Value("${rg.sql.record-statements:}") String recordTo) {
    return new SqlStatementCounter(recordTo.isBlank() ? null : java.nio.file.Path.of(recordTo));
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

  @Bean
  TextInputs textInputs(@Value("${rg.graphql.max-string-length:50000}") int maxLength) {
    return new TextInputs(maxLength);
  }
}
