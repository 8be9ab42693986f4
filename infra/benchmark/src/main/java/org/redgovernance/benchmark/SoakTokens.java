package org.redgovernance.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.redgovernance.keycloak.RealmDefinition;
import tools.jackson.databind.JsonNode;

/**
 * The soak's login, kept alive as an app keeps it: a password login once, then the refresh token
 * for a new access token once 70 % of the old one's life has passed (they live 5 minutes), so that
 * the half hour crosses several expiries. A refused refresh logs in again, and is counted.
 */
final class SoakTokens {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String tokenEndpoint;
  private final AtomicInteger refreshes = new AtomicInteger();
  private final AtomicInteger logins = new AtomicInteger();
  private volatile String accessToken;
  private volatile String refreshToken;
  private volatile long renewAtNanos;

  SoakTokens(String tokenEndpoint) throws IOException, InterruptedException {
    this.tokenEndpoint = tokenEndpoint;
    logIn();
  }

  String accessToken() {
    return accessToken;
  }

  /** Renews the access token when it is due; whether it did. */
  boolean renewIfDue() throws IOException, InterruptedException {
    if (System.nanoTime() < renewAtNanos) {
      return false;
    }
    JsonNode answer = request("grant_type=refresh_token&refresh_token=" + refreshToken);
    if (answer == null) {
      logIn();
    } else {
      take(answer);
      refreshes.incrementAndGet();
    }
    return true;
  }

  private void logIn() throws IOException, InterruptedException {
    take(
        request(
            "grant_type=password&username="
                + URLEncoder.encode(BenchmarkRealm.USER, StandardCharsets.UTF_8)
                + "&password="
                + RealmDefinition.DEMO_PASSWORD));
    logins.incrementAndGet();
  }

  int refreshes() {
    return refreshes.get();
  }

  int logins() {
    return logins.get();
  }

  private void take(JsonNode answer) {
    if (answer == null) {
      throw new IllegalStateException("Keycloak refused the benchmark user's login");
    }
    accessToken = answer.path("access_token").asString();
    refreshToken = answer.path("refresh_token").asString();
    long lifeSeconds = answer.path("expires_in").asLong(300);
    renewAtNanos = System.nanoTime() + lifeSeconds * 700_000_000L;
  }

  private JsonNode request(String grant) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "client_id=" + RealmDefinition.WEB_CLIENT + "&scope=openid&" + grant))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? GraphQlClient.JSON.readTree(response.body()) : null;
  }
}
