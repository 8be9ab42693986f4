package org.redgovernance.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.redgovernance.graphql.UnauthenticatedAnswer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    UnauthenticatedAnswer unauthenticated = new UnauthenticatedAnswer();
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**")
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
   * issuer, audience and expiry.
   */
  @Bean
  JwtDecoder jwtDecoder(
      @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
      @Value("${rg.security.audience:rg-tenant-admin}") String audience) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256).build();
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
