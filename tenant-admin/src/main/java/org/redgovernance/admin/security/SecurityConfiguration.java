package org.redgovernance.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.redgovernance.graphql.UnauthenticatedAnswer;
import org.redgovernance.monitoring.ManagementPort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every GraphQL request must carry a Keycloak access token for tenant-admin. The service keeps no
 * session and no password; it only validates tokens — in the Authorization header, or, for a
 * WebSocket, in its {@code connection_init} ({@link ConnectionLogin}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, Environment environment) throws Exception {
    UnauthenticatedAnswer unauthenticated = new UnauthenticatedAnswer();
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/livez", "/readyz")
                    .permitAll()
                    // the management port (health, metrics) is kept from the public by the network,
                    // as Prometheus expects to scrape it without a token
                    .requestMatchers(new ManagementPort(environment))
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/graphiql", "/graphiql/**")
                    .permitAll()
                    // the console's page and files: it logs in by itself, then sends the token
                    .requestMatchers(HttpMethod.GET, "/console", "/console/**")
                    .permitAll()
                    // WebSocket clients authenticate in connection_init (ConnectionLogin)
                    .requestMatchers(SecurityConfiguration::isWebSocketHandshake)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        // preflights are answered from BrowserOrigins before authentication
        .cors(Customizer.withDefaults())
        .exceptionHandling(refusals -> refusals.authenticationEntryPoint(unauthenticated))
        .oauth2ResourceServer(
            server ->
                server.authenticationEntryPoint(unauthenticated).jwt(Customizer.withDefaults()))
        .build();
  }

  /**
   * Signature through the realm's JWKS (fetched lazily and cached, so the API starts even while
   * Keycloak is still starting), RS256 only — which also refuses {@code alg: none} — and then
   * issuer, audience and expiry. The keys are fetched through Spring's observed client, so that a
   * trace shows the fetch, and given up on after 2 s to connect and 3 s to read, as platform-api's.
   */
  @Bean
  JwtDecoder jwtDecoder(
      @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
      @Value("${rg.security.audience:rg-tenant-admin}") String audience,
      RestTemplateBuilder http) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .restOperations(
                http.connectTimeout(Duration.ofSeconds(2))
                    .readTimeout(Duration.ofSeconds(3))
                    .build())
            .build();
    decoder.setJwtValidator(tokenValidator(issuer, audience));
    return decoder;
  }

  private static boolean isWebSocketHandshake(HttpServletRequest request) {
    return HttpMethod.GET.matches(request.getMethod())
        && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
        && "/graphql".equals(request.getRequestURI());
  }

  static OAuth2TokenValidator<Jwt> tokenValidator(String issuer, String audience) {
    return new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(issuer),
        new JwtClaimValidator<List<String>>(
            JwtClaimNames.AUD, audiences -> audiences != null && audiences.contains(audience)));
  }
}
