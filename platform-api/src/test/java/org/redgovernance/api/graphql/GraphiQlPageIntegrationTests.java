package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.support.DevModeTest;

/**
 * GraphiQL in dev works offline: the page and everything it loads come from this service (no CDN),
 * it knows where to log in, and it serves nothing but its own files.
 */
class GraphiQlPageIntegrationTests extends DevModeTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void thePage_andEverythingItLoads_comeFromThisService() throws Exception {
    HttpResponse<String> page = get("/graphiql");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'");
    assertThat(page.body()).doesNotContain("http://", "https://", "//cdn", "unpkg", "jsdelivr");
    List<String> assets = new ArrayList<>();
    Matcher reference = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
    while (reference.find()) {
      assets.add(reference.group(1));
    }
    assertThat(assets).hasSizeGreaterThanOrEqualTo(7).allMatch(a -> a.startsWith("/graphiql/"));
    for (String asset : assets) {
      HttpResponse<String> file = get(asset);
      assertThat(file.statusCode()).as(asset).isEqualTo(200);
      assertThat(file.headers().firstValue("Content-Type").orElseThrow())
          .as(asset)
          .startsWith(asset.endsWith(".css") ? "text/css" : "text/javascript");
      assertThat(file.body()).as(asset).hasSizeGreaterThan(100);
    }
    for (String script : List.of("/graphiql/assets/app.js", "/graphiql/assets/oidc-pkce.js")) {
      assertThat(get(script).body())
          .as("the page's own scripts reach no other host")
          .doesNotContain("http://", "https://");
    }
  }

  @Test
  void thePage_logsInWithPkceAgainstTheRealm_asRgWeb() throws Exception {
    HttpResponse<String> config = get("/graphiql/config.json");
    String script = get("/graphiql/assets/app.js").body();
    String login = get("/graphiql/assets/oidc-pkce.js").body();

    assertThat(config.body())
        .contains(
            "\"clientId\":\"rg-web\"", "/realms/red-governance", "\"graphqlPath\":\"/graphql\"");
    assertThat(login).contains("code_challenge_method: 'S256'", "grant_type: 'refresh_token'");
    assertThat(script).contains("import { createLogin }", "connectionParams", "'X-Community'");
  }

  @Test
  void nothingButItsOwnFiles_isServed() throws Exception {
    for (String path :
        List.of(
            "/graphiql/assets/application.yaml",
            "/graphiql/assets/..%2Fapplication.yaml",
            "/graphiql/assets/index.html",
            "/graphiql/assets/graphiql.js")) {
      assertThat(get(path).statusCode()).as(path).isIn(400, 401, 404);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
