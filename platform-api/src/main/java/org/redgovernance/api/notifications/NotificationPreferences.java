package org.redgovernance.api.notifications;

import org.jspecify.annotations.Nullable;

/**
 * Whether a category reaches a person on a channel: what they chose, or else the category's
 * default; legal notices whatever they chose (the platform refuses to store such a choice, and
 * would ignore one). The one place this is decided, for the dispatcher and the settings alike.
 */
final class NotificationPreferences {

  private NotificationPreferences() {}

  static boolean enabled(
      NotificationCategory category, NotificationChannel channel, @Nullable Boolean chosen) {
    if (!category.mutable()) {
      return true;
    }
    return chosen != null ? chosen : category.onByDefault(channel);
  }
}
