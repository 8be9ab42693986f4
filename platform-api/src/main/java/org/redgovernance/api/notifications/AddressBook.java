package org.redgovernance.api.notifications;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Where one channel reaches the people of a community: an e-mail address, a mobile number, a WeChat
 * account. The feature that holds the address answers for it (the roster for phone numbers, the
 * person's own settings for e-mail and WeChat). Asked inside a transaction of the platform's own
 * ({@link org.redgovernance.api.security.Caller#SYSTEM}) when a notification is made, and again
 * just before it goes out.
 */
public interface AddressBook {

  /** The channel whose addresses it holds. */
  NotificationChannel channel();

  /**
   * Of {@code people} (Keycloak subjects), those the channel can reach in the community, each with
   * the address masked, as the person may be shown it (138****1234): reading it reveals nothing.
   */
  Map<String, String> reachable(DSLContext dsl, UUID communityId, Collection<String> people);

  /**
   * Of {@code people}, those the channel can reach with a message of {@code category}: where a
   * channel allows messages only with a consent per kind (WeChat), those who have one left.
   */
  default java.util.Set<String> reachable(
      DSLContext dsl, UUID communityId, Collection<String> people, NotificationCategory category) {
    return reachable(dsl, communityId, people).keySet();
  }

  /**
   * The address to send one message of {@code category} to, in full, or nothing when there is none
   * (any more). Reading it may be recorded (a phone number is personal data), and may take one of
   * the person's consents (a WeChat subscription message): {@link #unused} gives it back.
   */
  Optional<String> address(
      DSLContext dsl, UUID communityId, String person, NotificationCategory category);

  /** The message {@link #address} was asked for did not go out: what it took is given back. */
  default void unused(
      DSLContext dsl, UUID communityId, String person, NotificationCategory category) {}
}
