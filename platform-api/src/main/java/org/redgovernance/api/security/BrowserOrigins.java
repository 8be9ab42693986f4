package org.redgovernance.api.security;

import java.util.List;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Which browser origins may call the API, from Spring Boot's own {@code spring.graphql.cors.*}
 * (environment {@code RG_CORS_ORIGINS}, comma-separated): none by default, so production allows
 * only what it is configured with; the dev profile allows a front-end dev server on port 5173. The
 * same origins cover every browser-facing path (GraphQL over HTTP, attachments) and, through {@link
 * org.redgovernance.api.graphql.TransportWsHandler}, the WebSocket handshake. Spring Security
 * answers a preflight with them before any authentication, since a browser sends no token with it.
 */
@Configuration(proxyBeanMethods = false)
class BrowserOrigins {

  /** The paths a browser app calls. */
  static final List<String> PATHS =
      List.of(
          "/graphql",
          "/matter-attachments",
          "/matter-attachments/**",
          "/roster-imports",
          "/rollout-evidence",
          "/rollout-evidence/**",
          "/street-comparison.xlsx");

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
