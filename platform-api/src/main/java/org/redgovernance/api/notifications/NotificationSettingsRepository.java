package org.redgovernance.api.notifications;

import static org.redgovernance.database.jooq.Tables.NOTIFICATION_PREFERENCE;
import static org.redgovernance.database.jooq.Tables.NOTIFICATION_SETTING;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** People's notification settings and their choices per category and channel, as SQL. */
@Component
class NotificationSettingsRepository {

  /**
   * One person's settings in one community that decide when and how often (their addresses are the
   * address books'); {@link #DEFAULT} when they never changed any.
   */
  record Settings(QuietHours quietHours, DigestFrequency digest) {
    static final Settings DEFAULT = new Settings(QuietHours.DEFAULT, DigestFrequency.NONE);
  }

  /** A person's choice for a category on a channel. */
  record Choice(NotificationCategory category, NotificationChannel channel, boolean enabled) {}

  /** The settings of {@code people} in the community, each (the default for those without). */
  Map<String, Settings> settings(DSLContext dsl, UUID communityId, Collection<String> people) {
    Map<String, Settings> settings = new HashMap<>();
    people.forEach(person -> settings.put(person, Settings.DEFAULT));
    dsl.select(
            NOTIFICATION_SETTING.USER_ID,
            NOTIFICATION_SETTING.QUIET_FROM,
            NOTIFICATION_SETTING.QUIET_UNTIL,
            NOTIFICATION_SETTING.TIME_ZONE,
            NOTIFICATION_SETTING.DIGEST)
        .from(NOTIFICATION_SETTING)
        .where(
            NOTIFICATION_SETTING.COMMUNITY_ID.eq(communityId),
            NOTIFICATION_SETTING.USER_ID.in(people))
        .forEach(
            r ->
                settings.put(
                    r.value1(),
                    new Settings(
                        new QuietHours(r.value2(), r.value3(), ZoneId.of(r.value4())),
                        DigestFrequency.valueOf(r.value5()))));
    return settings;
  }

  /** What {@code people} chose for {@code category}, per person and channel. */
  Map<String, Map<NotificationChannel, Boolean>> choices(
      DSLContext dsl, UUID communityId, Collection<String> people, NotificationCategory category) {
    Map<String, Map<NotificationChannel, Boolean>> choices = new HashMap<>();
    dsl.select(
            NOTIFICATION_PREFERENCE.USER_ID,
            NOTIFICATION_PREFERENCE.CHANNEL,
            NOTIFICATION_PREFERENCE.ENABLED)
        .from(NOTIFICATION_PREFERENCE)
        .where(
            NOTIFICATION_PREFERENCE.COMMUNITY_ID.eq(communityId),
            NOTIFICATION_PREFERENCE.USER_ID.in(people),
            NOTIFICATION_PREFERENCE.CATEGORY.eq(category.name()))
        .forEach(
            r ->
                choices
                    .computeIfAbsent(r.value1(), person -> new HashMap<>())
                    .put(NotificationChannel.valueOf(r.value2()), r.value3()));
    return choices;
  }

  /** Every choice one person made in the community. */
  List<Choice> choicesOf(DSLContext dsl, UUID communityId, String person) {
    return dsl.select(
            NOTIFICATION_PREFERENCE.CATEGORY,
            NOTIFICATION_PREFERENCE.CHANNEL,
            NOTIFICATION_PREFERENCE.ENABLED)
        .from(NOTIFICATION_PREFERENCE)
        .where(
            NOTIFICATION_PREFERENCE.COMMUNITY_ID.eq(communityId),
            NOTIFICATION_PREFERENCE.USER_ID.eq(person),
            // a category the platform no longer has is left alone, not shown
            NOTIFICATION_PREFERENCE.CATEGORY.in(
                java.util.Arrays.stream(NotificationCategory.values()).map(Enum::name).toList()))
        .fetch(
            r ->
                new Choice(
                    NotificationCategory.valueOf(r.value1()),
                    NotificationChannel.valueOf(r.value2()),
                    r.value3()));
  }

  // --- the changes a person makes, as commands write them

  /**
   * The person's settings row, made with the defaults when they had none, with their quiet hours
   * and digest (null: unchanged) and e-mail address ({@code changeEmail}: set to {@code email}); it
   * returns the e-mail address and digest it holds then.
   */
  static ResultQuery<Record> saved(
      UUID communityId,
      String person,
      @Nullable LocalTime quietFrom,
      @Nullable LocalTime quietUntil,
      @Nullable DigestFrequency digest,
      boolean changeEmail,
      @Nullable String email) {
    var s = NOTIFICATION_SETTING;
    var insert =
        DSL.insertInto(s)
            .set(s.COMMUNITY_ID, communityId)
            .set(s.USER_ID, person)
            .set(s.EMAIL, changeEmail ? email : null);
    if (quietFrom != null && quietUntil != null) {
      insert = insert.set(s.QUIET_FROM, quietFrom).set(s.QUIET_UNTIL, quietUntil);
    }
    if (digest != null) {
      insert = insert.set(s.DIGEST, digest.name());
    }
    var update =
        insert
            .onConflict(s.COMMUNITY_ID, s.USER_ID)
            .doUpdate()
            .set(s.UPDATED_AT, DSL.currentOffsetDateTime());
    if (changeEmail) {
      update = update.set(s.EMAIL, email);
    }
    if (quietFrom != null && quietUntil != null) {
      update = update.set(s.QUIET_FROM, quietFrom).set(s.QUIET_UNTIL, quietUntil);
    }
    if (digest != null) {
      update = update.set(s.DIGEST, digest.name());
    }
    return DSL.resultQuery("{0}", update.returning(s.COMMUNITY_ID, s.USER_ID, s.EMAIL, s.DIGEST));
  }

  /**
   * Whether the settings row {@link #saved} returned asks for a digest but has no e-mail address.
   */
  static boolean digestWithoutEmail(Record saved) {
    return saved.get(NOTIFICATION_SETTING.EMAIL) == null
        && !DigestFrequency.NONE.name().equals(saved.get(NOTIFICATION_SETTING.DIGEST));
  }

  /** The person's choice for a category on a channel; null: back to the category's default. */
  static void choose(
      DSLContext dsl,
      UUID communityId,
      String person,
      NotificationCategory category,
      NotificationChannel channel,
      @Nullable Boolean enabled) {
    var p = NOTIFICATION_PREFERENCE;
    if (enabled == null) {
      dsl.deleteFrom(p)
          .where(
              p.COMMUNITY_ID.eq(communityId),
              p.USER_ID.eq(person),
              p.CATEGORY.eq(category.name()),
              p.CHANNEL.eq(channel.name()))
          .execute();
      return;
    }
    dsl.insertInto(p)
        .set(p.COMMUNITY_ID, communityId)
        .set(p.USER_ID, person)
        .set(p.CATEGORY, category.name())
        .set(p.CHANNEL, channel.name())
        .set(p.ENABLED, enabled)
        .onConflict(p.COMMUNITY_ID, p.USER_ID, p.CATEGORY, p.CHANNEL)
        .doUpdate()
        .set(p.ENABLED, enabled)
        .set(p.UPDATED_AT, DSL.currentOffsetDateTime())
        .execute();
  }
}
