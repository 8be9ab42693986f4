package org.redgovernance.referenceapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Serves the reference app as a front-end dev server would (the dev stack and the browser test run
 * it on {@code http://127.0.0.1:5173}, an origin the dev realm and CORS allow): its page and
 * scripts from the classpath, the shared login, graphql-ws's browser bundle, and {@code
 * /config.json} saying where the API and the realm are. Nothing comes from a CDN.
 */
public final class ReferenceAppServer implements AutoCloseable {

  /** Where the app finds the API and the realm, and which client it logs in as. */
  public record Config(String apiUrl, String issuer, String clientId) {}

  private static final Pattern DOCUMENT = Pattern.compile("/documents/[A-Za-z]+\\.graphql");

  private static final Map<String, String> FILES =
      Map.of(
          "/", "reference-app/index.html",
          "/invitation", "reference-app/index.html",
          "/app.js", "reference-app/app.js",
          "/app.css", "reference-app/app.css",
          "/oidc-pkce.js", "rg-web/oidc-pkce.js",
          "/graphql-ws.min.js",
              "META-INF/resources/webjars/graphql-ws/5.16.0/umd/graphql-ws.min.js");

  private final HttpServer server;

  private ReferenceAppServer(HttpServer server) {
    this.server = server;
  }

  /** Starts serving on {@code address} until closed. */
  public static ReferenceAppServer start(InetSocketAddress address, Config config) {
    try {
      HttpServer server = HttpServer.create(address, 0);
      server.setExecutor(Executors.newFixedThreadPool(4));
      String policy = policy(config);
      server.createContext("/", exchange -> serve(exchange, config, policy));
      server.start();
      return new ReferenceAppServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("The reference app cannot listen on " + address, e);
    }
  }

  /** The origin it serves, e.g. http://127.0.0.1:5173. */
  public String origin() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void serve(HttpExchange exchange, Config config, String policy)
      throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "text/plain", "GET only".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals("/config.json")) {
        String json =
            "{\"apiUrl\":\"%s\",\"issuer\":\"%s\",\"clientId\":\"%s\"}"
                .formatted(config.apiUrl(), config.issuer(), config.clientId());
        send(exchange, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
        return;
      }
      String resource = DOCUMENT.matcher(path).matches() ? "reference-app" + path : FILES.get(path);
      byte[] body = resource == null ? null : read(resource);
      if (body == null) {
        send(exchange, 404, "text/plain", "Not found".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals("/") || path.equals("/invitation")) {
        exchange.getResponseHeaders().add("Content-Security-Policy", policy);
      }
      send(exchange, 200, type(resource), body);
    }
  }

  /** Scripts from here only; requests to the API and the realm; photos from the API. */
  private static String policy(Config config) {
    String api = config.apiUrl();
    String realm = config.issuer().replaceAll("^(https?://[^/]+).*$", "$1");
    String socket = api.replaceFirst("^http", "ws");
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
        + api
        + "; connect-src 'self' "
        + api
        + " "
        + socket
        + " "
        + realm
        + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self' "
        + realm;
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = ReferenceAppServer.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    }
  }

  private static String type(String resource) {
    if (resource.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (resource.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (resource.endsWith(".graphql")) {
      return "text/plain; charset=utf-8";
    }
    return "text/javascript; charset=utf-8";
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }
}
