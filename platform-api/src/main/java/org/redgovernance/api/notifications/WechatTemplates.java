package org.redgovernance.api.notifications;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which WeChat subscription-message template carries which category ({@code
 * rg.notifications.wechat.templates.<CATEGORY>}: the template ids the mini-program's account chose
 * in WeChat's console). A category without a template is not sent by WeChat.
 */
final class WechatTemplates {

  private final Map<NotificationCategory, String> byCategory;

  WechatTemplates(Map<NotificationCategory, String> byCategory) {
    this.byCategory = byCategory.isEmpty() ? Map.of() : new EnumMap<>(byCategory);
  }

  Optional<String> of(NotificationCategory category) {
    return Optional.ofNullable(byCategory.get(category));
  }

  /** The category a template carries, if it is one of the platform's. */
  Optional<NotificationCategory> category(String templateId) {
    return byCategory.entrySet().stream()
        .filter(entry -> entry.getValue().equals(templateId))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  Map<NotificationCategory, String> all() {
    return byCategory;
  }
}
