package org.redgovernance.api.events;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.redgovernance.api.graphql.ApiException;
import org.redgovernance.api.graphql.ErrorCode;

/**
 * A subscription's position as the client holds it: for each community the subscription follows,
 * the position of the last change it was sent (or where it started). Opaque to clients: "e1." and
 * the communities' ids and positions in base64url, 24 bytes each. A client may send back any text,
 * so reading refuses what is not such a position with BAD_USER_INPUT, and the communities in it
 * count only where the subscriber may still see them.
 */
final class EventPositions {

  private static final String PREFIX = "e1.";
  private static final int ENTRY = 24;

  /**
   * The most communities a position names, so that it fits in a subscribe message (8 KiB on the
   * WebSocket) — more than any street has. A subscription over more (the platform operator's) is
   * sent {@link #TOO_MANY} instead, which resumes nothing: coming back, it reads again.
   */
  static final int MOST_COMMUNITIES = 200;

  /** The position of a subscription over more than {@link #MOST_COMMUNITIES} communities. */
  static final String TOO_MANY = "e0";

  private EventPositions() {}

  static String write(Map<UUID, Long> positions) {
    if (positions.size() > MOST_COMMUNITIES) {
      return TOO_MANY;
    }
    ByteBuffer bytes = ByteBuffer.allocate(positions.size() * ENTRY);
    // in the order of the ids, so that one state is always the same text
    for (Map.Entry<UUID, Long> entry : new TreeMap<>(positions).entrySet()) {
      bytes.putLong(entry.getKey().getMostSignificantBits());
      bytes.putLong(entry.getKey().getLeastSignificantBits());
      bytes.putLong(entry.getValue());
    }
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }

  static Map<UUID, Long> read(String text) {
    if (text.equals(TOO_MANY)) {
      throw new ApiException(
          ErrorCode.RESYNC_REQUIRED,
          "A subscription over more than "
              + MOST_COMMUNITIES
              + " communities does not resume: read again, then subscribe anew");
    }
    if (!text.startsWith(PREFIX)
        || text.length() > PREFIX.length() + (MOST_COMMUNITIES * ENTRY * 4) / 3 + 4) {
      throw unreadable();
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(text.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw unreadable();
    }
    if (raw.length % ENTRY != 0) {
      throw unreadable();
    }
    ByteBuffer bytes = ByteBuffer.wrap(raw);
    Map<UUID, Long> positions = new HashMap<>();
    while (bytes.hasRemaining()) {
      UUID community = new UUID(bytes.getLong(), bytes.getLong());
      long position = bytes.getLong();
      if (position < 0 || positions.put(community, position) != null) {
        throw unreadable();
      }
    }
    return positions;
  }

  private static ApiException unreadable() {
    return ApiException.badInput(
        "after is not a position this server sent: pass an event's position unchanged");
  }
}
