package org.redgovernance.graphql;

import java.util.Map;

/**
 * A WebSocket connection's token, renewed while the connection stays open: a client refreshes its
 * access token (as it does every few minutes for HTTP) and sends the new one in a
 * graphql-transport- ws {@code ping} whose payload is {@code {"Authorization": "Bearer <token>"}};
 * the connection's running and future subscriptions then live as long as the new token.
 */
public interface ConnectionTokens {

  /**
   * Replaces the connection's token with {@code authorization} ("Bearer …"); false — and the
   * connection is closed — when that is not a valid token of the same person.
   */
  boolean renew(Map<String, Object> connection, String authorization);
}
