package org.redgovernance.api.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The realm's signing keys, as platform-api keeps them. Spring Security's default fetches them
 * again whenever its copy is five minutes old, and fails every new request while Keycloak cannot be
 * reached; and a token with an unknown key id makes it fetch them again each time, so a stream of
 * forged tokens becomes a stream of requests to Keycloak. Here:
 *
 * <ul>
 *   <li>the keys are fetched again every {@code rg.security.keys.refresh} (5 minutes), and while
 *       Keycloak is out of reach the last keys fetched stay in use for {@code
 *       rg.security.keys.outage-tolerance} (24 hours): tokens signed with them keep validating, and
 *       health reports {@code DEGRADED} ({@link KeycloakHealthIndicator});
 *   <li>a token signed with a key not among them (Keycloak rotated its keys) makes them be fetched
 *       again at once, but at most twice every {@code rg.security.keys.min-refetch-interval} (10
 *       s): further unknown keys are refused without asking Keycloak.
 * </ul>
 */
@Component
class RealmKeys {

  private final JWKSource<SecurityContext> source;
  private final AtomicReference<@Nullable Instant> lastFetched = new AtomicReference<>();

  RealmKeys(
      @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
      @Value("${rg.security.keys.refresh:PT5M}") Duration refresh,
      @Value("${rg.security.keys.outage-tolerance:PT24H}") Duration outageTolerance,
      @Value("${rg.security.keys.min-refetch-interval:PT10S}") Duration minRefetchInterval,
      ObservationRegistry observations)
      throws MalformedURLException {
    long refreshTimeout = Math.min(Duration.ofSeconds(5).toMillis(), refresh.toMillis() / 2);
    this.source =
        JWKSourceBuilder.<SecurityContext>create(
                URI.create(jwkSetUri).toURL(),
                observed(new DefaultResourceRetriever(2000, 3000, 512 * 1024), observations))
            .cache(refresh.toMillis(), refreshTimeout)
            // fetched again in the background 30 s before they are due, so that no request waits
            // for Keycloak (only where the refresh time leaves room for it: not in the tests)
            .refreshAheadCache(
                refresh.toMillis() > JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME + refreshTimeout)
            .rateLimited(minRefetchInterval.toMillis())
            .outageTolerant(outageTolerance.toMillis())
            .retrying(false)
            .healthReporting(
                report -> {
                  if (report.getHealthStatus()
                      == com.nimbusds.jose.util.health.HealthStatus.HEALTHY) {
                    lastFetched.set(Instant.ofEpochMilli(report.getTimestamp()));
                  }
                })
            .build();
  }

  /**
   * Each fetch of the keys as a span of its own ({@code rg.keycloak.keys}, and its timer): a
   * request that waited for Keycloak shows it in its trace.
   */
  private static ResourceRetriever observed(
      ResourceRetriever retriever, ObservationRegistry observations) {
    return url ->
        Observation.createNotStarted("rg.keycloak.keys", observations)
            .contextualName("keycloak keys")
            .lowCardinalityKeyValue("peer.service", "keycloak")
            .observeChecked(() -> retriever.retrieveResource(url));
  }

  JWKSource<SecurityContext> source() {
    return source;
  }

  /** When the keys were last fetched from Keycloak, if they ever were. */
  @Nullable Instant lastFetched() {
    return lastFetched.get();
  }
}
