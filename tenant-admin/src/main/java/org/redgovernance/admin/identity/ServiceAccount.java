package org.redgovernance.admin.identity;

import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Logs in as {@code rg-tenant-admin} with the client-credentials grant and keeps the token until
 * shortly before it expires. Later features call the Keycloak admin API with it.
 */
@Component
public class ServiceAccount {

  private record Issued(String token, Instant renewAfter) {}

  private final RestClient http;
  private final String tokenUri;
  private final String clientId;
  private final String clientSecret;
  private volatile Issued issued;

  ServiceAccount(
      RestClient.Builder http,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
      @Value("${rg.keycloak.client-id:rg-tenant-admin}") String clientId,
      @Value("${rg.keycloak.client-secret}") String clientSecret) {
    this.http = http.build();
    this.tokenUri = issuer + "/protocol/openid-connect/token";
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /** A valid access token of the service account. */
  public String accessToken() {
    Issued current = issued;
    if (current == null || Instant.now().isAfter(current.renewAfter())) {
      current = login();
      issued = current;
    }
    return current.token();
  }

  private Issued login() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "client_credentials");
    form.add("client_id", clientId);
    form.add("client_secret", clientSecret);
    Map<?, ?> response =
        http.post()
            .uri(tokenUri)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(form)
            .retrieve()
            .body(Map.class);
    if (response == null || !(response.get("access_token") instanceof String token)) {
      throw new IllegalStateException("Keycloak returned no token for " + clientId);
    }
    long lifetime = response.get("expires_in") instanceof Number seconds ? seconds.longValue() : 60;
    return new Issued(token, Instant.now().plusSeconds(Math.max(5, lifetime - 30)));
  }
}
