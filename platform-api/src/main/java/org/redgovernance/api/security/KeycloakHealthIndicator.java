package org.redgovernance.api.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health of the identity provider. While Keycloak cannot be reached nobody can log in or renew a
 * token, but platform-api keeps validating the tokens already issued with the keys it fetched last
 * ({@link RealmKeys}): the service is {@code DEGRADED} (answered 200, ordered between {@code UP}
 * and {@code DOWN}), not down, and an orchestrator keeps sending it traffic.
 */
@Component("keycloak")
class KeycloakHealthIndicator extends AbstractHealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI jwkSetUri;
  private final RealmKeys keys;

  KeycloakHealthIndicator(
      @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
      RealmKeys keys) {
    this.jwkSetUri = URI.create(jwkSetUri);
    this.keys = keys;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail("jwks", jwkSetUri.toString());
    Instant fetched = keys.lastFetched();
    if (fetched != null) {
      builder.withDetail("keysFetched", fetched.toString());
    }
    HttpRequest request = HttpRequest.newBuilder(jwkSetUri).timeout(Duration.ofSeconds(3)).build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status == 200) {
        builder.up();
      } else {
        builder.status(DEGRADED).withDetail("status", status);
      }
    } catch (IOException e) {
      builder.status(DEGRADED).withDetail("error", e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      builder.status(DEGRADED).withDetail("error", "interrupted");
    }
  }
}
