package org.redgovernance.graphql;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A WebSocket connection's token, renewed while the connection stays open: a client refreshes its
 * access token (as it does every few minutes for HTTP) and sends the new one in a
 * graphql-transport-ws {@code ping} whose payload is {@code {"Authorization": "Bearer <token>"}};
 * the connection's running and future subscriptions then live as long as the new token.
 */
public interface ConnectionTokens {

  /**
   * Replaces the connection's token with {@code authorization} ("Bearer …"); false — and the
   * connection is closed — when that is not a valid token of the same person.
   */
  boolean renew(Map<String, Object> connection, String authorization);

  /**
   * The token an {@code Authorization} entry ("Bearer …" of a {@code connection_init} or a {@code
   * ping}) carries, validated; empty when there is none or it is not valid.
   */
  static Optional<Jwt> bearer(JwtDecoder decoder, @Nullable Object authorization) {
    if (!(authorization instanceof String value) || !value.startsWith("Bearer ")) {
      return Optional.empty();
    }
    try {
      return Optional.of(decoder.decode(value.substring(7).trim()));
    } catch (JwtException e) {
      return Optional.empty();
    }
  }

  /**
   * The renewal of {@code current} by {@code authorization}: valid, and the same person's ({@code
   * sub}) — a connection is one person's, whatever tokens it carries over time.
   */
  static Optional<Jwt> renewal(
      JwtDecoder decoder, @Nullable Object current, @Nullable Object authorization) {
    if (!(current instanceof Jwt token)) {
      return Optional.empty();
    }
    return bearer(decoder, authorization)
        .filter(renewed -> renewed.getSubject().equals(token.getSubject()));
  }
}
