package org.redgovernance.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends GraphQL documents to the running platform-api over real HTTP, as a front end would, with a
 * bearer token and optional headers. Documents come from {@code src/test/resources/graphql-test/}.
 */
public final class GraphQlHttp {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI endpoint;

  public GraphQlHttp(int port) {
    this.endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
  }

  /** A request under construction. */
  public final class Call {
    private final String document;
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Call(String document) {
      this.document = document;
    }

    public Call variable(String name, Object value) {
      variables.put(name, value);
      return this;
    }

    public Call as(String username) {
      return bearer(Tokens.of(username));
    }

    public Call bearer(String token) {
      headers.put("Authorization", "Bearer " + token);
      return this;
    }

    public Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public GraphQlResult execute() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("query", document);
      body.put("variables", variables);
      return post(JSON.writeValueAsString(body), headers);
    }
  }

  /**
   * Posts a request body exactly as given, for tests of what a JSON library would not write (an
   * escaped unpaired surrogate, a malformed body), with a bearer token for {@code username}.
   */
  public GraphQlResult postRaw(String body, String username) {
    return post(body, Map.of("Authorization", "Bearer " + Tokens.of(username)));
  }

  /**
   * A persisted query sent by its hash alone ({@code extensions.persistedQuery.sha256Hash}), as a
   * front end in production sends a registered document, with a bearer token for {@code username}.
   */
  public GraphQlResult postPersisted(String sha256Hash, String username) {
    return postRaw(
        "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
            + sha256Hash
            + "\"}}}",
        username);
  }

  private GraphQlResult post(String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/json")
            .header("Accept", "application/graphql-response+json, application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json =
          response.body() == null || response.body().isBlank()
              ? JSON.createObjectNode()
              : JSON.readTree(response.body());
      return new GraphQlResult(response.statusCode(), json, response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A document from {@code graphql-test/<name>.graphql}. */
  public Call document(String name) {
    return new Call(load(name));
  }

  /** An inline document, for tests about documents themselves. */
  public Call query(String document) {
    return new Call(document);
  }

  public static String load(String name) {
    String path = "graphql-test/" + name + ".graphql";
    try (InputStream in = GraphQlHttp.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No test document " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
