package org.redgovernance.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redgovernance.keycloak.RealmDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Logs the benchmark user in at Keycloak and sends single GraphQL requests (for the check). */
final class GraphQlClient {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private GraphQlClient() {}

  static String token(String tokenEndpoint) throws IOException, InterruptedException {
    String form =
        "grant_type=password&client_id="
            + RealmDefinition.WEB_CLIENT
            + "&scope=openid&username="
            + URLEncoder.encode(BenchmarkRealm.USER, StandardCharsets.UTF_8)
            + "&password="
            + RealmDefinition.DEMO_PASSWORD;
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Login failed: " + response.body());
    }
    return JSON.readTree(response.body()).path("access_token").asString();
  }

  /** The request body, with {@code $UUID} variables replaced by a fresh id. */
  static String body(BenchmarkQuery.Request request) {
    Map<String, Object> variables = new LinkedHashMap<>(request.variables());
    variables.replaceAll(
        (name, value) -> "$UUID".equals(value) ? UUID.randomUUID().toString() : value);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", request.document());
    body.put("variables", variables);
    return JSON.writeValueAsString(body);
  }

  /** The request body for the load script, {@code $UUID} left for it to fill per request. */
  static String loadBody(BenchmarkQuery.Request request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", request.document());
    body.put("variables", request.variables());
    return JSON.writeValueAsString(body);
  }

  static JsonNode send(String url, String token, @Nullable String community, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (community != null) {
      request.header("X-Community", community);
    }
    return JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
  }
}
