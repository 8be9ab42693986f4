package org.redgovernance.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** An HTTP status, the response headers and the GraphQL response body, with assertion helpers. */
public record GraphQlResult(int status, JsonNode body, Map<String, List<String>> headers) {

  public GraphQlResult(int status, JsonNode body) {
    this(status, body, Map.of());
  }

  /** The first value of a response header (names case-insensitive), or null. */
  public String header(String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
        .map(entry -> entry.getValue().get(0))
        .findFirst()
        .orElse(null);
  }

  /** The value at a dot path under {@code data}, e.g. {@code "viewer.username"}. */
  public JsonNode data(String path) {
    JsonNode node = body.path("data");
    for (String segment : path.split("\\.")) {
      node = segment.matches("\\d+") ? node.path(Integer.parseInt(segment)) : node.path(segment);
    }
    return node;
  }

  public List<String> errorCodes() {
    List<String> codes = new ArrayList<>();
    body.path("errors")
        .forEach(error -> codes.add(error.path("extensions").path("code").asString()));
    return codes;
  }

  public boolean hasErrors() {
    return body.path("errors").size() > 0;
  }

  /** Every string value under {@code data}.{@code path}.edges[].node.{@code field}. */
  public List<String> edgeValues(String connectionPath, String field) {
    List<String> values = new ArrayList<>();
    data(connectionPath)
        .path("edges")
        .forEach(edge -> values.add(edge.path("node").path(field).asString()));
    return values;
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
