package org.redgovernance.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.redgovernance.admin.support.TenantAdminTest;

/**
 * A console on another origin (configured for the tests as the dev stack configures it) can call
 * tenant-admin: preflights for GraphQL and the archive are answered before authentication, other
 * origins are refused, and a 401 says why in JSON.
 */
class BrowserAccessIntegrationTests extends TenantAdminTest {

  private static final String APP = "http://localhost:5173";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private HttpResponse<String> preflight(String path, String origin, String method)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method)
            .header("Access-Control-Request-Headers", "authorization,content-type")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theConsolesPreflights_areAnswered_andOtherOriginsRefused() throws Exception {
    assertThat(preflight("/graphql", APP, "POST").statusCode()).isEqualTo(200);
    assertThat(
            preflight("/communities/baiguoshu/archive", APP, "GET")
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .hasValue(APP);
    HttpResponse<String> evil = preflight("/graphql", "https://evil.example", "POST");
    assertThat(evil.statusCode()).isEqualTo(403);
    assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void a401_saysWhyInJson() throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer not.a.token")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ streets { key } }\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body())
        .contains("\"code\":\"UNAUTHENTICATED\"", "\"tokenProblem\":\"INVALID\"");
  }
}
