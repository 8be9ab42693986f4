package org.redgovernance.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.redgovernance.keycloak.RealmDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logs demo users in at the real Keycloak through {@code rg-web} (direct-access grant, dev realm
 * only) and keeps each token until shortly before it expires.
 */
public final class Tokens {

  private record Issued(String token, Instant renewAfter) {}

  private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Tokens() {}

  public static String of(String username) {
    Issued issued = CACHE.get(username);
    if (issued == null || Instant.now().isAfter(issued.renewAfter())) {
      issued = login(username);
      CACHE.put(username, issued);
    }
    return issued.token();
  }

  /** A new token, e.g. after the user's roles changed; it replaces the kept one. */
  public static String fresh(String username) {
    Issued issued = login(username);
    CACHE.put(username, issued);
    return issued.token();
  }

  /**
   * A demo user's token that expires in {@link RealmDefinition#SHORT_TOKEN_SECONDS} seconds (the
   * dev realm's {@link RealmDefinition#SHORT_TOKEN_CLIENT}); not kept.
   */
  public static String shortLived(String username) {
    return issue(RealmDefinition.SHORT_TOKEN_CLIENT, username, RealmDefinition.DEMO_PASSWORD)
        .token();
  }

  /** A token for a user who is not a demo user, with their own password; not kept. */
  public static String login(String username, String password) {
    return issue(RealmDefinition.WEB_CLIENT, username, password).token();
  }

  private static Issued login(String username) {
    return issue(RealmDefinition.WEB_CLIENT, username, RealmDefinition.DEMO_PASSWORD);
  }

  private static Issued issue(String client, String username, String password) {
    String form =
        "grant_type=password&client_id="
            + client
            + "&scope=openid&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(TestStack.get().tokenEndpoint()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Login of " + username + " failed: " + response.statusCode() + " " + response.body());
      }
      JsonNode body = JSON.readTree(response.body());
      long lifetime = body.path("expires_in").asLong();
      return new Issued(
          body.path("access_token").asString(),
          Instant.now().plus(Duration.ofSeconds(Math.max(10, lifetime - 60))));
    } catch (IOException e) {
      throw new IllegalStateException("Login of " + username + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The role groups an access token carries (its {@code groups} claim), e.g. /communities/x/admin.
   */
  public static List<String> groups(String token) {
    String payload =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    List<String> groups = new ArrayList<>();
    JSON.readTree(payload).path("groups").forEach(group -> groups.add(group.asString()));
    return groups;
  }
}
