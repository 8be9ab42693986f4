package org.redgovernance.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Opaque Relay IDs. A tenant object's ID names its type, its community and its own key, so that
 * {@code node(id:)} can check the community against the caller's scope before any SQL runs. Clients
 * must treat IDs as opaque strings.
 */
public record GlobalId(String type, UUID communityId, UUID id) {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  public String encode() {
    String raw = type + ":" + communityId + ":" + id;
    return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  public static String of(String type, UUID communityId, UUID id) {
    return new GlobalId(type, communityId, id).encode();
  }

  /** Empty for anything that is not an ID this API issued. */
  public static Optional<GlobalId> decode(@Nullable String encoded) {
    if (encoded == null || encoded.length() > 200) {
      return Optional.empty();
    }
    try {
      String[] parts = new String(DECODER.decode(encoded), StandardCharsets.UTF_8).split(":");
      if (parts.length != 3) {
        return Optional.empty();
      }
      return Optional.of(
          new GlobalId(parts[0], UUID.fromString(parts[1]), UUID.fromString(parts[2])));
    } catch (IllegalArgumentException notOurs) {
      return Optional.empty();
    }
  }

  /** The decoded ID when it names an object of {@code expectedType}. */
  public static Optional<GlobalId> decode(@Nullable String encoded, String expectedType) {
    return decode(encoded).filter(id -> id.type().equals(expectedType));
  }
}
