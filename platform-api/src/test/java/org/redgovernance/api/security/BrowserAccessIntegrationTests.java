package org.redgovernance.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.keycloak.RealmDefinition;
import org.redgovernance.testing.TestStack;
import org.redgovernance.testing.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser app on another origin (a dev server on :5173, configured for the tests as the dev
 * profile configures it) can call the API: its preflights are answered before authentication, its
 * answers carry the CORS headers, and its WebSocket handshake is let through; any other origin gets
 * none of it. A request without a usable token gets a 401 whose JSON body says why.
 */
class BrowserAccessIntegrationTests extends IntegrationTest {

  private static final String APP = "http://localhost:5173";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private HttpResponse<String> preflight(String path, String origin) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "authorization,content-type,x-community,x-request-id")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theAppsPreflights_areAnsweredWithoutAToken_forGraphQlAttachmentsAndImports()
      throws Exception {
    for (String path : new String[] {"/graphql", "/matter-attachments", "/roster-imports"}) {
      HttpResponse<String> answer = preflight(path, APP);

      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
      assertThat(answer.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
          .as(path)
          .containsIgnoringCase("x-community")
          .containsIgnoringCase("x-request-id")
          .containsIgnoringCase("authorization");
    }
  }

  @Test
  void anyOtherOrigin_isRefused() throws Exception {
    HttpResponse<String> answer = preflight("/graphql", "https://evil.example");

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void theAppsQueries_carryTheCorsHeader() throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Origin", APP)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Tokens.of("baiguoshu.resident"))
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"query\":\"{ viewer { username } }\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    // the app may read when to try again and the request's id
    assertThat(answer.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
        .containsIgnoringCase("retry-after")
        .containsIgnoringCase("x-request-id");
    assertThat(answer.body()).contains("baiguoshu.resident");
  }

  @Test
  void theWebSocketHandshake_isOpenToTheAppsOrigin_only() throws Exception {
    assertThat(handshake(APP)).contains(" 101 ");
    assertThat(handshake("https://evil.example")).contains(" 403");
  }

  @Test
  void keycloak_answersTheAppsTokenAndRefreshRequests_withCors() throws Exception {
    String endpoint = TestStack.get().tokenEndpoint();
    HttpResponse<String> preflight =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(endpoint))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", APP)
                .header("Access-Control-Request-Method", "POST")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);

    HttpResponse<String> login =
        token(
            "grant_type=password&username=baiguoshu.resident"
                + "&password="
                + RealmDefinition.DEMO_PASSWORD);
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    String refresh = JSON.readTree(login.body()).path("refresh_token").asString();
    HttpResponse<String> refreshed = token("grant_type=refresh_token&refresh_token=" + refresh);
    assertThat(refreshed.statusCode()).isEqualTo(200);
    assertThat(refreshed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
  }

  private HttpResponse<String> token(String form) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(TestStack.get().tokenEndpoint()))
            .header("Origin", APP)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "client_id=" + RealmDefinition.WEB_CLIENT + "&" + form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a401_saysWhyInJson() throws Exception {
    JsonNode missing = unauthenticated(null);
    JsonNode invalid = unauthenticated("Bearer not.a.token");

    assertThat(missing.path("errors").path(0).path("extensions").path("code").asString())
        .isEqualTo("UNAUTHENTICATED");
    assertThat(missing.path("errors").path(0).path("extensions").path("tokenProblem").asString())
        .isEqualTo("MISSING");
    assertThat(invalid.path("errors").path(0).path("extensions").path("tokenProblem").asString())
        .isEqualTo("INVALID");
    assertThat(invalid.path("errors").path(0).path("message").asString()).isNotBlank();
  }

  private JsonNode unauthenticated(String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
            .header("Content-Type", "application/json")
            .header("Origin", APP)
            .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ viewer { username } }\"}"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("json");
    // the browser may read the answer: the CORS header is on the refusal too
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    return JSON.readTree(answer.body());
  }

  /** The status line of a WebSocket opening handshake sent from {@code origin}. */
  private String handshake(String origin) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET /graphql HTTP/1.1\r\nHost: 127.0.0.1:"
                      + port
                      + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n"
                      + "Origin: "
                      + origin
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
          .readLine();
    }
  }
}
