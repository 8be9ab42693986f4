package org.redgovernance.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One board app following the mutation community's matters for the whole soak, over
 * graphql-transport-ws: it renews its token on the open connection before the token expires (a ping
 * carrying the new one), keeps the position of the last event, and when its connection ends —
 * closed by the server, or dropped on purpose by the soak as a network would — subscribes again
 * with {@code after} set to that position. At the end, the matters it heard reported are compared
 * with those the soak reported: none may be missing, none heard twice.
 */
final class SoakSubscriber {

  private static final String DOCUMENT =
      "subscription($key: String!, $after: String) { matterEvents(communityKey: $key, after:"
          + " $after) { kind matterId position } }";

  private final String url;
  private final String community;
  private final SoakTokens tokens;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicInteger reconnects = new AtomicInteger();
  private final Map<Integer, Integer> closeCodes = new ConcurrentHashMap<>();
  private volatile @Nullable String position;
  private volatile @Nullable WebSocket socket;
  private volatile boolean open;

  SoakSubscriber(String url, String community, SoakTokens tokens) {
    this.url = url;
    this.community = community;
    this.tokens = tokens;
  }

  void connect() {
    WebSocket connected =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .subprotocols("graphql-transport-ws")
            .buildAsync(URI.create(url), new Listener())
            .orTimeout(10, TimeUnit.SECONDS)
            .join();
    socket = connected;
    open = true;
    send(
        connected,
        Map.of(
            "type",
            "connection_init",
            "payload",
            Map.of("Authorization", "Bearer " + tokens.accessToken(), "X-Community", community)));
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("key", community);
    variables.put("after", position);
    send(
        connected,
        Map.of(
            "type",
            "subscribe",
            "id",
            "board",
            "payload",
            Map.of("query", DOCUMENT, "variables", variables)));
  }

  /** Gives the open connection the current token, as an app does before its old one expires. */
  void renewToken() {
    WebSocket current = socket;
    if (open && current != null) {
      send(
          current,
          Map.of(
              "type",
              "ping",
              "payload",
              Map.of("Authorization", "Bearer " + tokens.accessToken())));
    }
  }

  /** Subscribes again from the last position when the connection has ended; whether it had. */
  boolean reconnectIfClosed() {
    if (open) {
      return false;
    }
    reconnects.incrementAndGet();
    connect();
    return true;
  }

  /** Drops the connection without a goodbye, as a lost network does; the next check resumes. */
  void drop() {
    WebSocket current = socket;
    if (current != null) {
      current.abort();
    }
    open = false;
  }

  void close() {
    WebSocket current = socket;
    open = false;
    if (current != null) {
      current.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(closed -> null);
    }
  }

  Set<String> reported() {
    return reported;
  }

  long duplicates() {
    return duplicates.get();
  }

  int reconnects() {
    return reconnects.get();
  }

  Map<Integer, Integer> closeCodes() {
    return closeCodes;
  }

  private static void send(WebSocket socket, Map<String, Object> message) {
    socket.sendText(GraphQlClient.JSON.writeValueAsString(message), true).join();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        JsonNode message = GraphQlClient.JSON.readTree(partial.toString());
        partial.setLength(0);
        String type = message.path("type").asString();
        if (type.equals("next")) {
          JsonNode event = message.path("payload").path("data").path("matterEvents");
          if (event.isObject()) {
            position = event.path("position").asString();
            if (event.path("kind").asString().equals("REPORTED")
                && !reported.add(event.path("matterId").asString())) {
              duplicates.incrementAndGet();
            }
          } else {
            System.out.println("soak: subscription error " + message);
          }
        } else if (type.equals("error") || type.equals("complete")) {
          System.out.println("soak: subscription ended: " + message);
          webSocket.abort();
          open = false;
        }
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCodes.merge(statusCode, 1, Integer::sum);
      if (webSocket == socket) {
        open = false;
      }
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closeCodes.merge(-1, 1, Integer::sum);
      if (webSocket == socket) {
        open = false;
      }
    }
  }
}
