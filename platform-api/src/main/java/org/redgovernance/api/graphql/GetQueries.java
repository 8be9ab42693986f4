package org.redgovernance.api.graphql;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redgovernance.graphql.PersistedQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL queries over HTTP GET, as the GraphQL-over-HTTP draft has them: {@code
 * ?query=…&variables=<json>&operationName=…&extensions=<json>} — what Apollo's clients send with
 * {@code useGETForHashedQueries}, and what a CDN or a browser cache can keep. The request runs
 * through the same interceptors as a POST (authentication, scope, limits, {@link PersistedQueries},
 * which refuses anything but a query). A WebSocket handshake on the same path is not touched.
 */
@Configuration(proxyBeanMethods = false)
class GetQueries {

  private static final IdGenerator IDS = new JdkIdGenerator();

  /**
   * Its own handler mapping, ahead of Spring Boot's GraphQL route (which answers every GET on the
   * path with 405) and of the WebSocket mapping (which only takes an Upgrade).
   */
  @Bean
  RouterFunctionMapping graphQlOverGet(WebGraphQlHandler handler, JsonMapper json) {
    RouterFunctionMapping mapping = new RouterFunctionMapping(route(handler, json));
    mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
    mapping.setMessageConverters(List.of(new JacksonJsonHttpMessageConverter(json)));
    return mapping;
  }

  private static RouterFunction<ServerResponse> route(WebGraphQlHandler handler, JsonMapper json) {
    return RouterFunctions.route(
        RequestPredicates.GET("/graphql")
            // a WebSocket handshake is not a query (an h2c upgrade offer does not matter)
            .and(
                request ->
                    request.headers().header("Upgrade").stream()
                        .noneMatch("websocket"::equalsIgnoreCase))
            .and(
                request ->
                    request.param("query").isPresent() || request.param("extensions").isPresent()),
        request -> answer(request, handler, json));
  }

  private static ServerResponse answer(
      ServerRequest request, WebGraphQlHandler handler, JsonMapper json) {
    Map<String, Object> body = new HashMap<>();
    // without a query, a persisted query's hash names the document (PersistedQueries), as for POST
    body.put("query", request.param("query").orElse(PersistedQuerySupport.PERSISTED_QUERY_MARKER));
    request.param("operationName").ifPresent(name -> body.put("operationName", name));
    try {
      body.put("variables", object(request.param("variables"), json));
      body.put("extensions", object(request.param("extensions"), json));
    } catch (JacksonException | ClassCastException e) {
      return ServerResponse.badRequest()
          .contentType(MediaType.APPLICATION_JSON)
          .body(
              Map.of(
                  "errors",
                  List.of(
                      Map.of(
                          "message",
                          "variables and extensions must be JSON objects",
                          "extensions",
                          Map.of("code", "INVALID_INPUT")))));
    }
    WebGraphQlRequest graphQl =
        new WebGraphQlRequest(
            request.uri(),
            request.headers().asHttpHeaders(),
            null,
            request.remoteAddress().orElse(null),
            Map.of(PersistedQueries.OVER_GET, true),
            body,
            IDS.generateId().toString(),
            null);
    return ServerResponse.async(
        handler
            .handleRequest(graphQl)
            .map(
                response ->
                    ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(response.toMap())));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Optional<String> text, JsonMapper json) {
    return text.isEmpty() || text.get().isBlank()
        ? Map.of()
        : (Map<String, Object>) json.readValue(text.get(), Map.class);
  }
}
