package org.redgovernance.api.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the identity provider: new tokens can be validated only while the realm's signing keys
 * can be fetched.
 */
@Component("keycloak")
class KeycloakHealthIndicator extends AbstractHealthIndicator {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI jwkSetUri;

  KeycloakHealthIndicator(
      @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri) {
    this.jwkSetUri = URI.create(jwkSetUri);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(jwkSetUri).timeout(Duration.ofSeconds(3)).build();
    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status == 200) {
      builder.up().withDetail("jwks", jwkSetUri.toString());
    } else {
      builder.down().withDetail("jwks", jwkSetUri.toString()).withDetail("status", status);
    }
  }
}
