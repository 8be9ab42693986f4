package org.redgovernance.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal graphql-transport-ws client, as a browser app would use it: it authenticates in the
 * {@code connection_init} payload and collects the server's messages for assertions.
 */
public final class GraphQlWebSocket implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final BlockingQueue<JsonNode> pongs = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private GraphQlWebSocket(int port) {
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .subprotocols("graphql-transport-ws")
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), new Listener())
            .join();
  }

  /** Opens a connection and sends {@code connection_init} with this payload. */
  public static GraphQlWebSocket connect(int port, Map<String, Object> initPayload) {
    GraphQlWebSocket client = new GraphQlWebSocket(port);
    client.send(Map.of("type", "connection_init", "payload", initPayload));
    return client;
  }

  /** Connects as a demo user, optionally narrowed to one community. */
  public static GraphQlWebSocket connectAs(int port, String username, String community) {
    return connectWith(port, Tokens.of(username), community);
  }

  /** Connects with this access token, optionally narrowed to one community, and awaits the ack. */
  public static GraphQlWebSocket connectWith(int port, String token, String community) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("Authorization", "Bearer " + token);
    if (community != null) {
      payload.put("X-Community", community);
    }
    GraphQlWebSocket client = connect(port, payload);
    JsonNode ack = client.next(Duration.ofSeconds(10));
    if (ack == null || !"connection_ack".equals(ack.path("type").asString())) {
      throw new IllegalStateException("No connection_ack: " + ack);
    }
    return client;
  }

  /** Subscribes, and returns once the server has set the subscription up (see {@link #sync}). */
  public void subscribe(String id, String document) {
    send(Map.of("type", "subscribe", "id", id, "payload", Map.of("query", document)));
    sync();
  }

  /** Subscribes with variables, and returns once the server has set the subscription up. */
  public void subscribe(String id, String document, Map<String, Object> variables) {
    send(
        Map.of(
            "type",
            "subscribe",
            "id",
            id,
            "payload",
            Map.of("query", document, "variables", variables)));
    sync();
  }

  /**
   * A ping answered: the server reads a connection's messages in order, so everything sent before
   * (a subscription set up, say) has been handled. Without it a test could publish an event before
   * its subscription listens. Pongs are kept apart from the other messages.
   */
  private void sync() {
    send(Map.of("type", "ping"));
    try {
      if (pongs.poll(10, TimeUnit.SECONDS) == null) {
        throw new IllegalStateException("No pong within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Renews the connection's token, as a client does before the old one expires: a ping carrying
   * {@code {"Authorization": "Bearer <token>"}}; returns once it is answered.
   */
  public void renewToken(String token) {
    send(Map.of("type", "ping", "payload", Map.of("Authorization", "Bearer " + token)));
    try {
      if (pongs.poll(10, TimeUnit.SECONDS) == null) {
        throw new IllegalStateException("No pong within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The next message from the server, or null when none came in time. */
  public JsonNode next(Duration timeout) {
    try {
      return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * Whether an event of subscription field {@code field} whose {@code key} is {@code value} comes
   * within {@code timeout}; other messages on the way are passed over.
   */
  public boolean receivesEvent(String field, String key, String value, Duration timeout) {
    long giveUp = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < giveUp) {
      JsonNode message = next(Duration.ofMillis(200));
      if (message != null
          && message.path("payload").path("data").path(field).path(key).asString().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** The close code the server chose, or null when it did not close in time. */
  public Integer closeCode(Duration timeout) {
    try {
      return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return null;
    }
  }

  private void send(Map<String, Object> message) {
    sendRaw(JSON.writeValueAsString(message));
  }

  /** Sends a text frame exactly as given, e.g. one that breaks the protocol. */
  public void sendRaw(String text) {
    socket.sendText(text, true).join();
  }

  @Override
  public void close() {
    // The server may have closed first (e.g. 4401); then there is nothing left to close.
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(alreadyClosed -> null).join();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      // Read everything the server sends, close frames included, as soon as it arrives.
      webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        JsonNode message = JSON.readTree(partial.toString());
        (message.path("type").asString().equals("pong") ? pongs : messages).add(message);
        partial.setLength(0);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }
  }
}
