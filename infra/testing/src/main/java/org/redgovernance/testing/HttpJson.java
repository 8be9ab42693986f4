package org.redgovernance.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain GET of a JSON resource, e.g. a service's health endpoint. */
public final class HttpJson {

  /** The response status, its body read as JSON, and its headers. */
  public record Response(int status, JsonNode body, HttpHeaders headers) {

    /** The first value of the header {@code name}, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private HttpJson() {}

  public static Response get(String url) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(), JSON.readTree(response.body()), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
