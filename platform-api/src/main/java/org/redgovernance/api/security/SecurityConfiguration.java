package org.redgovernance.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.redgovernance.graphql.UnauthenticatedAnswer;
import org.redgovernance.monitoring.ManagementPort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
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
import org.springframework.security.web.firewall.HttpFirewall;

/**
 * Every GraphQL request must carry a Keycloak access token for this API. The service keeps no
 * session and no password; it only validates tokens.
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
                    // WebSocket clients authenticate in connection_init (AccessScopeInterceptor).
                    .requestMatchers(SecurityConfiguration::isWebSocketHandshake)
                    .permitAll()
                    // a signed link is its own credential, for <img src> (AttachmentLinks)
                    .requestMatchers(SecurityConfiguration::isSignedAttachmentLink)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        // no session: nothing to log out of (Keycloak ends logins), no request to save and replay
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        // preflights are answered from BrowserOrigins before authentication
        .cors(Customizer.withDefaults())
        .exceptionHandling(refusals -> refusals.authenticationEntryPoint(unauthenticated))
        .oauth2ResourceServer(
            server ->
                server
                    .bearerTokenResolver(new BearerTokenHeader())
                    .authenticationEntryPoint(unauthenticated)
                    .jwt(Customizer.withDefaults()))
        .build();
  }

  /**
   * No observation of the security filters themselves: the request's own observation
   * (http.server.requests) measures them together. With one, Spring Security wraps each of its
   * filters, the authentication and the authorization in an observation of its own, and switching
   * those observations off by name (management.observations.enable.spring.security) leaves the
   * wrapping in place. Under the benchmark's load the saving was too small to tell from noise; it
   * is work nobody reads.
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** The strict firewall, with a header check cheap enough for bearer tokens. */
  @Bean
  HttpFirewall httpFirewall() {
    return HeaderFirewall.strict();
  }

  /**
   * Signature through the realm's JWKS ({@link RealmKeys}: fetched lazily, so the API starts even
   * while Keycloak is still starting, and kept through a Keycloak outage), RS256 only — which also
   * refuses {@code alg: none} — and then issuer, audience and expiry. Verified tokens are
   * remembered ({@link VerifiedTokens}); their claims are checked again on every request.
   */
  @Bean
  JwtDecoder jwtDecoder(
      RealmKeys keys,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
      @Value("${rg.security.audience:rg-api}") String audience,
      @Value("${rg.security.verified-tokens:4096}") int verifiedTokens) {
    OAuth2TokenValidator<Jwt> validator = tokenValidator(issuer, audience);
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSource(keys.source())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(validator);
    return new VerifiedTokens(decoder, validator, verifiedTokens);
  }

  private static boolean isSignedAttachmentLink(HttpServletRequest request) {
    return HttpMethod.GET.matches(request.getMethod())
        && request.getRequestURI().startsWith("/matter-attachments/")
        && request.getParameter("signature") != null;
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
