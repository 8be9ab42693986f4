package org.redgovernance.graphql;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The graphql-transport-ws endpoint, holding clients to the protocol: a message that is not JSON,
 * not an object, of an unknown type, or of a known type without what that type needs (a subscribe
 * without an id or a query) closes the socket with 4400 "Invalid message", as the protocol says.
 * Spring's handler would fail on such a message while decoding it and close with 1011, which tells
 * a client the server is broken rather than the client. A {@code ping} carrying {@code
 * {"Authorization": "Bearer <token>"}} renews the connection's token ({@link ConnectionTokens}); a
 * token that is invalid or another person's closes the socket with 4403.
 *
 * <p>When the service shuts down, every open socket is closed first with 1012 "Service Restart",
 * before the web server waits for the requests in flight: a client connects again (to another
 * instance, or to this one once it is back) and takes its subscriptions up with {@code after}
 * instead of seeing its connection drop when the process ends.
 */
public final class TransportWsHandler extends GraphQlWebSocketHandler implements SmartLifecycle {

  public static final CloseStatus INVALID_MESSAGE = new CloseStatus(4400, "Invalid message");

  /** A token renewal that was not a valid token of the connection's person. */
  public static final CloseStatus FORBIDDEN = new CloseStatus(4403, "Forbidden");

  private static final Set<String> TYPES =
      Set.of("connection_init", "ping", "pong", "subscribe", "complete");

  private final JsonMapper json;
  private final ConnectionTokens tokens;
  private final Set<WebSocketSession> open = ConcurrentHashMap.newKeySet();
  private volatile boolean running;

  /**
   * As Spring Boot builds its handler: {@code origins} (from {@code spring.graphql.cors.*}) decide
   * which browser origins may open the socket; without them, the same origin only.
   */
  public TransportWsHandler(
      WebGraphQlHandler handler,
      JsonMapper json,
      Duration initTimeout,
      @Nullable Duration keepAlive,
      @Nullable CorsConfiguration origins,
      ConnectionTokens tokens) {
    super(
        handler,
        new JacksonJsonHttpMessageConverter(json),
        initTimeout,
        keepAlive,
        origins == null ? new CorsConfiguration() : origins);
    this.json = json;
    this.tokens = tokens;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    open.add(session);
    super.afterConnectionEstablished(session);
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    open.remove(session);
    super.afterConnectionClosed(session, status);
  }

  @Override
  public void start() {
    running = true;
  }

  /** Closes every open socket with 1012: the service is going away, reconnect. */
  @Override
  public void stop() {
    running = false;
    for (WebSocketSession session : List.copyOf(open)) {
      try {
        session.close(CloseStatus.SERVICE_RESTARTED);
      } catch (IOException | RuntimeException e) {
        // already gone: nothing left to tell that client
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before the web server's graceful shutdown, which waits for requests in flight. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
    JsonNode parsed = parsed(message.getPayload());
    if (parsed == null || !wellFormed(parsed)) {
      session.close(INVALID_MESSAGE);
      return;
    }
    JsonNode authorization = parsed.path("payload").path("Authorization");
    if ("ping".equals(parsed.path("type").asString())
        && authorization.isString()
        && !tokens.renew(session.getAttributes(), authorization.asString())) {
      session.close(FORBIDDEN);
      return;
    }
    super.handleTextMessage(session, message);
  }

  private @Nullable JsonNode parsed(String text) {
    try {
      return json.readTree(text);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static boolean wellFormed(JsonNode message) {
    if (!message.isObject() || !message.path("type").isString()) {
      return false;
    }
    String type = message.path("type").asString();
    JsonNode id = message.path("id");
    JsonNode payload = message.path("payload");
    boolean payloadIsObjectOrAbsent =
        payload.isMissingNode() || payload.isNull() || payload.isObject();
    return switch (type) {
      case "subscribe" ->
          id.isString()
              && !id.asString().isEmpty()
              && payload.isObject()
              && payload.path("query").isString();
      case "complete" -> id.isString();
      default -> TYPES.contains(type) && payloadIsObjectOrAbsent;
    };
  }
}
