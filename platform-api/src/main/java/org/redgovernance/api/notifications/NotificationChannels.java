package org.redgovernance.api.notifications;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The channels this platform sends on: those with an adapter configured (the inbox always; e-mail
 * with a mail server, text messages with an SMS gateway, WeChat with its gateway), each outside the
 * inbox with the address book that says where it reaches whom.
 */
@Component
class NotificationChannels {

  private final Map<NotificationChannel, ChannelAdapter> adapters =
      new EnumMap<>(NotificationChannel.class);
  private final Map<NotificationChannel, AddressBook> books =
      new EnumMap<>(NotificationChannel.class);

  NotificationChannels(List<ChannelAdapter> adapters, List<AddressBook> books) {
    adapters.stream()
        .filter(ChannelAdapter::available)
        .forEach(adapter -> this.adapters.put(adapter.channel(), adapter));
    books.forEach(book -> this.books.put(book.channel(), book));
  }

  /** The channels messages go out on: an adapter, and an address book unless it is the inbox. */
  Set<NotificationChannel> open() {
    Set<NotificationChannel> open = EnumSet.noneOf(NotificationChannel.class);
    open.addAll(adapters.keySet());
    open.removeIf(channel -> !inbox(channel) && !books.containsKey(channel));
    return open;
  }

  Optional<ChannelAdapter> adapter(NotificationChannel channel) {
    return Optional.ofNullable(adapters.get(channel));
  }

  /** Where the channel reaches people; the inbox has none (it reaches every account). */
  Optional<AddressBook> book(NotificationChannel channel) {
    return Optional.ofNullable(books.get(channel));
  }

  static boolean inbox(NotificationChannel channel) {
    return channel == NotificationChannel.IN_APP;
  }
}
