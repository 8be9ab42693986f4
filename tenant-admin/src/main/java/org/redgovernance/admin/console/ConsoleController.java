package org.redgovernance.admin.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's page, its configuration (where platform-api and the realm are, which public client
 * it logs in as), and the chart library and the subscription client from their webjars. The page's
 * Content-Security-Policy lets it load nothing but tenant-admin's own files and talk to nothing but
 * the platform's two services and the realm. Its other files are static resources under {@code
 * /console/} ({@link ConsoleResources}).
 */
@RestController
class ConsoleController {

  private final Map<String, String> config;
  private final String policy;
  private final Resource echarts;
  private final Resource graphqlWs;

  ConsoleController(
      @Value("${rg.console.api-url:http://127.0.0.1:8080}") String apiUrl,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
      @Value("${rg.console.client-id:rg-web}") String clientId) {
    this.config = Map.of("apiUrl", apiUrl, "issuer", issuer, "clientId", clientId);
    this.policy =
        "default-src 'self'; script-src 'self'; connect-src 'self' "
            + origin(apiUrl)
            + " "
            + origin(issuer)
            // ECharts' tooltips carry inline style attributes; no script is inline
            + "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:;"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    this.echarts = webjarFile("echarts", "dist/echarts.min.js");
    this.graphqlWs = webjarFile("graphql-ws", "umd/graphql-ws.min.js");
  }

  @GetMapping("/console")
  ResponseEntity<Void> toTheConsole() {
    return ResponseEntity.status(308).location(URI.create("/console/")).build();
  }

  @GetMapping(path = "/console/", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<Resource> page() {
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_HTML)
        .cacheControl(CacheControl.noCache())
        .header("Content-Security-Policy", policy)
        .header("Referrer-Policy", "no-referrer")
        .body(new ClassPathResource("console/index.html"));
  }

  @GetMapping("/console/config.json")
  Map<String, String> config() {
    return config;
  }

  @GetMapping(path = "/console/lib/echarts.min.js", produces = "text/javascript")
  ResponseEntity<Resource> echarts() {
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(echarts);
  }

  /** The subscription client (graphql-transport-ws), for the registry's live status. */
  @GetMapping(path = "/console/lib/graphql-ws.min.js", produces = "text/javascript")
  ResponseEntity<Resource> graphqlWs() {
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(graphqlWs);
  }

  /** A file of the one version of a webjar on the classpath, whichever it is. */
  private static Resource webjarFile(String webjar, String file) {
    try {
      Resource[] found =
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:META-INF/resources/webjars/" + webjar + "/*/" + file);
      if (found.length != 1) {
        throw new IllegalStateException(
            "Expected one " + webjar + " webjar with " + file + ", found " + found.length);
      }
      return found[0];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getAuthority();
  }
}
