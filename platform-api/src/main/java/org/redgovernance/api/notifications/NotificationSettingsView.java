package org.redgovernance.api.notifications;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.notifications.NotificationSettingsRepository.Choice;
import org.redgovernance.api.notifications.NotificationSettingsRepository.Settings;
import org.redgovernance.api.readmodel.AnsweredInJava;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code NotificationSettings} as the caller sees their own: the platform's defaults merged with
 * the few choices they made, and where each channel reaches them. Answered in Java: one small
 * object per person and community, and most of it is no row (the defaults).
 */
@Configuration(proxyBeanMethods = false)
class NotificationSettingsView {

  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

  record SettingsAnswer(
      String communityKey,
      List<PreferenceAnswer> preferences,
      @Nullable QuietHoursAnswer quietHours,
      List<ChannelAnswer> channels,
      List<WechatAddressRepository.Consent> wechatConsents,
      DigestFrequency digest) {}

  record PreferenceAnswer(
      NotificationCategory category,
      NotificationChannel channel,
      boolean enabled,
      boolean byDefault,
      boolean mutable) {}

  record QuietHoursAnswer(String from, String until, String timeZone) {}

  record ChannelAnswer(NotificationChannel channel, boolean reachable, @Nullable String address) {}

  @Bean
  AnsweredInJava notificationSettingsTypes() {
    return AnsweredInJava.types(
        "a person's own settings: the platform's defaults per category and channel merged with the"
            + " few choices they made, which are no rows",
        "NotificationSettings",
        "NotificationPreference",
        "QuietHours",
        "NotificationChannelStatus",
        "WechatConsent");
  }

  private final NotificationSettingsRepository repository;
  private final NotificationChannels channels;
  private final WechatAddressRepository wechat;

  NotificationSettingsView(
      NotificationSettingsRepository repository,
      NotificationChannels channels,
      WechatAddressRepository wechat) {
    this.repository = repository;
    this.channels = channels;
    this.wechat = wechat;
  }

  /** The caller's ({@code person}'s) settings in {@code community}, read in {@code dsl}. */
  SettingsAnswer of(DSLContext dsl, ReachableCommunity community, String person) {
    Settings settings = repository.settings(dsl, community.id(), Set.of(person)).get(person);
    Map<NotificationCategory, Map<NotificationChannel, Boolean>> chosen =
        new EnumMap<>(NotificationCategory.class);
    for (Choice choice : repository.choicesOf(dsl, community.id(), person)) {
      chosen
          .computeIfAbsent(choice.category(), category -> new EnumMap<>(NotificationChannel.class))
          .put(choice.channel(), choice.enabled());
    }
    List<PreferenceAnswer> preferences = new ArrayList<>();
    for (NotificationCategory category : NotificationCategory.values()) {
      if (!category.chosenPerChannel()) {
        continue;
      }
      for (NotificationChannel channel : NotificationChannel.values()) {
        Boolean choice = chosen.getOrDefault(category, Map.of()).get(channel);
        boolean enabled = NotificationPreferences.enabled(category, channel, choice);
        preferences.add(
            new PreferenceAnswer(
                category,
                channel,
                enabled,
                enabled == NotificationPreferences.enabled(category, channel, null),
                category.mutable()));
      }
    }
    Set<NotificationChannel> open = channels.open();
    List<ChannelAnswer> statuses = new ArrayList<>();
    for (NotificationChannel channel : NotificationChannel.values()) {
      @Nullable String address =
          channels
              .book(channel)
              .map(book -> book.reachable(dsl, community.id(), Set.of(person)).get(person))
              .orElse(null);
      boolean reachable =
          open.contains(channel) && (NotificationChannels.inbox(channel) || address != null);
      statuses.add(new ChannelAnswer(channel, reachable, address));
    }
    QuietHours quiet = settings.quietHours();
    return new SettingsAnswer(
        community.key(),
        preferences,
        quiet.any()
            ? new QuietHoursAnswer(
                HOURS.format(quiet.from()), HOURS.format(quiet.until()), quiet.zone().getId())
            : null,
        statuses,
        wechat.consents(dsl, community.id(), person),
        settings.digest());
  }
}
