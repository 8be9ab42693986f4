package org.redgovernance.admin.security;

import java.util.List;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Which browser origins may call tenant-admin — a console or dashboard served from elsewhere — from
 * {@code spring.graphql.cors.*} (environment {@code RG_CORS_ORIGINS}): none by default. They cover
 * GraphQL and the archive export and import; preflights are answered before authentication.
 */
@Configuration(proxyBeanMethods = false)
class BrowserOrigins {

  static final List<String> PATHS = List.of("/graphql", "/communities/*/archive");

  @Bean
  CorsConfigurationSource corsConfigurationSource(GraphQlCorsProperties cors) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    CorsConfiguration origins = cors.toCorsConfiguration();
    if (origins != null) {
      PATHS.forEach(path -> source.registerCorsConfiguration(path, origins));
    }
    return source;
  }
}
