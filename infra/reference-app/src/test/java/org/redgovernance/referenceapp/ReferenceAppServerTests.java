package org.redgovernance.referenceapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference app's server hands out its own files and its settings, and nothing else. */
class ReferenceAppServerTests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static ReferenceAppServer server;

  @BeforeAll
  static void start() {
    server =
        ReferenceAppServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            new ReferenceAppServer.Config(
                "http://127.0.0.1:8080", "http://127.0.0.1:8180/realms/red-governance", "rg-web"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void thePage_itsScripts_documentsAndSettings_areServed() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains(
            "script-src 'self'", "connect-src 'self' http://127.0.0.1:8080 ws://127.0.0.1:8080")
        .contains("http://127.0.0.1:8180");
    assertThat(page.body()).doesNotContain("https://", "//cdn");
    for (String path :
        List.of("/app.js", "/app.css", "/oidc-pkce.js", "/graphql-ws.min.js", "/invitation")) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(get("/documents/Board.graphql").body()).contains("query BoardQuery");
    assertThat(get("/config.json").body())
        .isEqualTo(
            "{\"apiUrl\":\"http://127.0.0.1:8080\",\"issuer\":"
                + "\"http://127.0.0.1:8180/realms/red-governance\",\"clientId\":\"rg-web\"}");
  }

  @Test
  void nothingElse_isServed_andOnlyGetIsAnswered() throws Exception {
    for (String path :
        List.of(
            "/documents/../app.js",
            "/documents/Board.graphql.bak",
            "/documents/..%2F..%2Fapp.js",
            "/reference-app/app.js",
            "/META-INF/MANIFEST.MF",
            "/org/redgovernance/referenceapp/ReferenceAppServer.class",
            "/documents/" + "A".repeat(10_000) + ".graphql")) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(404);
    }
    HttpResponse<String> post =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.origin() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void aNulByteInThePath_isRefusedWithoutServingAnything() throws Exception {
    // the JDK client refuses to send it, so the request is written by hand
    URI origin = URI.create(server.origin());
    try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
      socket
          .getOutputStream()
          .write(
              "GET /app.js%00.graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 404");
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.origin() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
