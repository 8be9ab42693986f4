package org.redgovernance.api.notifications;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Commands;
import org.redgovernance.api.graphql.Refusal;
import org.redgovernance.api.graphql.UserError;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.MutationTargets;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.api.tenancy.TenantTransactions;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * A person's own notification settings of a community: {@code notificationSettings} and {@code
 * updateNotificationSettings}. Nobody reads or changes another's, whatever their role (the database
 * holds the same wall: notification_setting_own). The e-mail address is never typed in: it is the
 * verified address of the caller's account, so that nobody can point the community's messages at
 * someone else's mailbox.
 */
@Controller
class NotificationSettingsController {

  static final int MAX_PREFERENCES = 64;
  private static final Pattern HOURS = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s\\p{Cc}]{1,64}@[^@\\s\\p{Cc}]{1,189}");

  record UpdateNotificationSettingsInput(
      @Nullable String communityKey,
      @Nullable List<NotificationPreferenceInput> preferences,
      @Nullable QuietHoursInput quietHours,
      @Nullable Boolean useAccountEmail,
      @Nullable DigestFrequency digest) {}

  record NotificationPreferenceInput(
      @Nullable NotificationCategory category,
      @Nullable NotificationChannel channel,
      @Nullable Boolean enabled) {}

  record QuietHoursInput(@Nullable String from, @Nullable String until) {}

  /** Every role of a community may be told things, and so chooses how. */
  static final MutationTargets.Rule ANY_ROLE =
      new MutationTargets.Rule(
          community -> true, "Only people of the community have notification settings");

  private final Commands commands;
  private final TenantTransactions transactions;
  private final NotificationSettingsView view;

  NotificationSettingsController(
      Commands commands, TenantTransactions transactions, NotificationSettingsView view) {
    this.commands = commands;
    this.transactions = transactions;
    this.view = view;
  }

  @QueryMapping
  NotificationSettingsView.@Nullable SettingsAnswer notificationSettings(
      @Argument @Nullable String communityKey,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    Optional<ReachableCommunity> community = scope.named(communityKey);
    if (community.isEmpty()) {
      return null;
    }
    AccessScope one = scope.narrowedTo(community.get());
    return transactions.read(one, dsl -> view.of(dsl, community.get(), scope.caller().userId()));
  }

  @MutationMapping
  Map<String, Object> updateNotificationSettings(
      @Argument UpdateNotificationSettingsInput input,
      @ContextValue(AccessScope.CONTEXT_KEY) AccessScope scope) {
    List<NotificationPreferenceInput> preferences =
        input.preferences() == null ? List.of() : input.preferences();
    Optional<UserError> invalid = invalid(input, preferences, scope);
    if (invalid.isPresent()) {
      return Commands.failed("settings", invalid.get());
    }
    LocalTime from = input.quietHours() == null ? null : LocalTime.parse(input.quietHours().from());
    LocalTime until =
        input.quietHours() == null ? null : LocalTime.parse(input.quietHours().until());
    boolean changeEmail = input.useAccountEmail() != null;
    String email =
        Boolean.TRUE.equals(input.useAccountEmail()) ? scope.caller().verifiedEmail() : null;
    return commands.answer(
        scope,
        MutationTargets.community(input.communityKey(), scope, ANY_ROLE),
        "settings",
        command -> {
          String person = command.scope().caller().userId();

          Record saved =
              command
                  .write(
                      NotificationSettingsRepository.saved(
                          command.community().id(),
                          person,
                          from,
                          until,
                          input.digest(),
                          changeEmail,
                          email))
                  .onViolation(
                      Refusal.because(
                          UserError.Code.INVALID_INPUT,
                          "The account's e-mail address cannot receive notifications",
                          "useAccountEmail"))
                  .execute()
                  .get(0);
          if (NotificationSettingsRepository.digestWithoutEmail(saved)) {
            throw Refusal.because(
                UserError.Code.INVALID_INPUT,
                "A digest goes out by e-mail: ask for e-mail too (useAccountEmail)",
                "digest");
          }
          for (NotificationPreferenceInput preference : preferences) {
            NotificationSettingsRepository.choose(
                command.dsl(),
                command.community().id(),
                person,
                preference.category(),
                preference.channel(),
                preference.enabled());
          }
          return view.of(command.dsl(), command.community(), person);
        });
  }

  /** What is wrong with the input, before anything is written. */
  private static Optional<UserError> invalid(
      UpdateNotificationSettingsInput input,
      List<NotificationPreferenceInput> preferences,
      AccessScope scope) {
    if (preferences.size() > MAX_PREFERENCES) {
      return Optional.of(
          UserError.of(
              UserError.Code.INVALID_INPUT,
              "At most " + MAX_PREFERENCES + " preferences at once",
              "preferences"));
    }
    List<String> legal = new ArrayList<>();
    for (NotificationPreferenceInput preference : preferences) {
      if (preference.category() == null || preference.channel() == null) {
        return Optional.of(
            UserError.of(
                UserError.Code.INVALID_INPUT, "Name a category and a channel", "preferences"));
      }
      if (!preference.category().chosenPerChannel()) {
        return Optional.of(
            UserError.of(
                UserError.Code.INVALID_INPUT,
                "Digests are chosen with digest, not per channel",
                "preferences"));
      }
      if (!preference.category().mutable() && Boolean.FALSE.equals(preference.enabled())) {
        legal.add(preference.category() + " on " + preference.channel());
      }
    }
    if (!legal.isEmpty()) {
      return Optional.of(
          UserError.of(
              UserError.Code.INVALID_INPUT,
              "Legal notices cannot be muted: " + String.join(", ", legal),
              "preferences"));
    }
    QuietHoursInput quiet = input.quietHours();
    if (quiet != null
        && (quiet.from() == null
            || quiet.until() == null
            || !HOURS.matcher(quiet.from()).matches()
            || !HOURS.matcher(quiet.until()).matches())) {
      return Optional.of(
          UserError.of(
              UserError.Code.INVALID_INPUT,
              "Quiet hours are two times HH:mm, from 00:00 to 23:59",
              "quietHours"));
    }
    if (Boolean.TRUE.equals(input.useAccountEmail())) {
      String email = scope.caller().verifiedEmail();
      if (email == null || !EMAIL.matcher(email).matches()) {
        return Optional.of(
            UserError.of(
                UserError.Code.INVALID_INPUT,
                "Your account has no verified e-mail address: verify one first",
                "useAccountEmail"));
      }
    }
    return Optional.empty();
  }
}
