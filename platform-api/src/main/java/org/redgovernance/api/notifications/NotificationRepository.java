package org.redgovernance.api.notifications;

import static org.redgovernance.database.jooq.Tables.COMMUNITY_ROLE_HOLDER;
import static org.redgovernance.database.jooq.Tables.NOTIFICATION;
import static org.redgovernance.database.jooq.Tables.NOTIFICATION_ATTEMPT;
import static org.redgovernance.database.jooq.Tables.NOTIFICATION_DELIVERY;
import static org.redgovernance.database.jooq.Tables.NOTIFICATION_INTENT;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Write;
import org.redgovernance.api.security.Caller;
import org.redgovernance.database.jooq.tables.records.NotificationIntentRecord;
import org.springframework.stereotype.Component;

/** The outbox, the notifications and their deliveries, as SQL. */
@Component
class NotificationRepository {

  /** An intent waiting to be expanded. */
  record Waiting(
      UUID communityId,
      UUID id,
      NotificationCategory category,
      String kind,
      String subjectType,
      UUID subjectId,
      String audience,
      String actorId,
      OffsetDateTime createdAt) {}

  /** A notification as rendered for everyone it goes to. */
  record Rendered(String subjectRef, String link, String title, String body) {}

  /** A delivery a dispatcher claimed, with what it delivers. */
  record Claimed(
      UUID communityId,
      UUID notificationId,
      NotificationChannel channel,
      int attempt,
      String recipientUserId,
      NotificationCategory category,
      String kind,
      String subjectType,
      UUID subjectId,
      String audience,
      String title,
      String body,
      String link) {}

  /** What became of one try. */
  enum Outcome {
    SENT,
    FAILED,
    SKIPPED
  }

  /** The intent's row, inserted from the change's row ({@link Notifications#recorded}). */
  static Query intentFrom(Write.Row row, Field<UUID> subjectId, NotificationIntent intent) {
    return intents(
        intent,
        row.table(),
        row.communityId(),
        subjectId,
        DSL.coalesce(
            DSL.field("rg.current_user_id()", String.class), DSL.inline(Caller.SYSTEM.userId())),
        DSL.castNull(String.class),
        subjectId.isNotNull());
  }

  /** Reminders ({@link Reminders#raise}): the intents raised now, none twice a day. */
  static int reminders(
      DSLContext dsl,
      NotificationIntent intent,
      Select<? extends Record2<UUID, UUID>> subjects,
      LocalDate day) {
    Table<?> chosen = subjects.asTable("subjects", "community_id", "id");
    Field<UUID> id = chosen.field("id", UUID.class);
    return dsl.execute(
        intents(
                intent,
                chosen,
                chosen.field("community_id", UUID.class),
                id,
                DSL.inline(Caller.SYSTEM.userId()),
                DSL.inline(intent.kind() + ":" + day + ":").concat(id.cast(String.class)),
                DSL.noCondition())
            .onConflictDoNothing());
  }

  /** {@code intent} about each row of {@code from} where {@code where}, as the outbox holds it. */
  private static InsertOnDuplicateStep<NotificationIntentRecord> intents(
      NotificationIntent intent,
      Table<?> from,
      Field<UUID> communityId,
      Field<UUID> subjectId,
      Field<String> actorId,
      Field<String> dedupeKey,
      Condition where) {
    return DSL.insertInto(
            NOTIFICATION_INTENT,
            NOTIFICATION_INTENT.COMMUNITY_ID,
            NOTIFICATION_INTENT.CATEGORY,
            NOTIFICATION_INTENT.KIND,
            NOTIFICATION_INTENT.SUBJECT_TYPE,
            NOTIFICATION_INTENT.SUBJECT_ID,
            NOTIFICATION_INTENT.AUDIENCE,
            NOTIFICATION_INTENT.ACTOR_ID,
            NOTIFICATION_INTENT.DEDUPE_KEY)
        .select(
            DSL.select(
                    communityId,
                    DSL.inline(intent.category().name()),
                    DSL.inline(intent.kind()),
                    DSL.inline(intent.subjectType()),
                    subjectId,
                    DSL.inline(intent.audience()),
                    actorId,
                    dedupeKey)
                .from(from)
                .where(where));
  }

  /**
   * The oldest intents not yet expanded, locked for this transaction; those another dispatcher
   * holds are skipped, not waited for.
   */
  List<Waiting> lockWaiting(DSLContext dsl, int limit) {
    return dsl.select(
            NOTIFICATION_INTENT.COMMUNITY_ID,
            NOTIFICATION_INTENT.ID,
            NOTIFICATION_INTENT.CATEGORY,
            NOTIFICATION_INTENT.KIND,
            NOTIFICATION_INTENT.SUBJECT_TYPE,
            NOTIFICATION_INTENT.SUBJECT_ID,
            NOTIFICATION_INTENT.AUDIENCE,
            NOTIFICATION_INTENT.ACTOR_ID,
            NOTIFICATION_INTENT.CREATED_AT)
        .from(NOTIFICATION_INTENT)
        .where(
            NOTIFICATION_INTENT.EXPANDED_AT.isNull(),
            NOTIFICATION_INTENT.NOT_BEFORE.le(DSL.currentOffsetDateTime()))
        .orderBy(NOTIFICATION_INTENT.NOT_BEFORE)
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .fetch(
            r ->
                new Waiting(
                    r.value1(),
                    r.value2(),
                    NotificationCategory.valueOf(r.value3()),
                    r.value4(),
                    r.value5(),
                    r.value6(),
                    r.value7(),
                    r.value8(),
                    r.value9()));
  }

  /**
   * The intent's notification for each of its people (the keys of {@code deliveries}), and their
   * deliveries, each on its channel from its time: two statements for any number of people (a
   * notice to a thousand residents is not two thousand round trips). Nothing for a person who has
   * it already. The notifications made now, by person.
   */
  Map<String, UUID> add(
      DSLContext dsl,
      Waiting intent,
      Rendered rendered,
      Map<String, Map<NotificationChannel, OffsetDateTime>> deliveries) {
    if (deliveries.isEmpty()) {
      return Map.of();
    }
    Table<?> people =
        DSL.table("unnest({0}::text[])", DSL.val(deliveries.keySet().toArray(String[]::new)))
            .as("people", "recipient");
    Field<String> recipient = DSL.field(DSL.name("people", "recipient"), String.class);
    Map<String, UUID> added = new java.util.HashMap<>();
    dsl.insertInto(
            NOTIFICATION,
            NOTIFICATION.COMMUNITY_ID,
            NOTIFICATION.INTENT_ID,
            NOTIFICATION.RECIPIENT_USER_ID,
            NOTIFICATION.CATEGORY,
            NOTIFICATION.KIND,
            NOTIFICATION.SUBJECT_TYPE,
            NOTIFICATION.SUBJECT_ID,
            NOTIFICATION.SUBJECT_REF,
            NOTIFICATION.LINK,
            NOTIFICATION.TITLE,
            NOTIFICATION.BODY,
            NOTIFICATION.CREATED_AT)
        .select(
            DSL.select(
                    DSL.val(intent.communityId()),
                    DSL.val(intent.id()),
                    recipient,
                    DSL.val(intent.category().name()),
                    DSL.val(intent.kind()),
                    DSL.val(intent.subjectType()),
                    DSL.val(intent.subjectId()),
                    DSL.val(rendered.subjectRef()),
                    DSL.val(rendered.link()),
                    DSL.val(rendered.title()),
                    DSL.val(rendered.body()),
                    DSL.val(intent.createdAt()))
                .from(people))
        .onConflictDoNothing()
        .returning(NOTIFICATION.ID, NOTIFICATION.RECIPIENT_USER_ID)
        .fetch()
        .forEach(
            row -> added.put(row.get(NOTIFICATION.RECIPIENT_USER_ID), row.get(NOTIFICATION.ID)));
    var insert =
        dsl.insertInto(
            NOTIFICATION_DELIVERY,
            NOTIFICATION_DELIVERY.COMMUNITY_ID,
            NOTIFICATION_DELIVERY.NOTIFICATION_ID,
            NOTIFICATION_DELIVERY.CHANNEL,
            NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT,
            NOTIFICATION_DELIVERY.MADE_AT);
    int rows = 0;
    for (var person : added.entrySet()) {
      for (var delivery : deliveries.get(person.getKey()).entrySet()) {
        insert =
            insert.values(
                intent.communityId(),
                person.getValue(),
                delivery.getKey().name(),
                delivery.getValue(),
                intent.createdAt());
        rows++;
      }
    }
    if (rows > 0) {
      insert.execute();
    }
    return added;
  }

  /**
   * The intent's expansion failed: it waits {@code wait}, or is given up (expanded with nobody)
   * when this was its {@code maxFailures}th failure. True when it was given up.
   */
  boolean failed(DSLContext dsl, Waiting intent, Duration wait, int maxFailures) {
    return dsl.update(NOTIFICATION_INTENT)
            .set(NOTIFICATION_INTENT.FAILURES, NOTIFICATION_INTENT.FAILURES.plus(1))
            .set(
                NOTIFICATION_INTENT.NOT_BEFORE,
                DSL.field("now() + {0}::interval", OffsetDateTime.class, DSL.val(wait.toString())))
            .set(
                NOTIFICATION_INTENT.EXPANDED_AT,
                DSL.when(
                    NOTIFICATION_INTENT.FAILURES.plus(1).ge(maxFailures),
                    DSL.currentOffsetDateTime()))
            .where(
                NOTIFICATION_INTENT.COMMUNITY_ID.eq(intent.communityId()),
                NOTIFICATION_INTENT.ID.eq(intent.id()))
            .returning(NOTIFICATION_INTENT.EXPANDED_AT)
            .fetchOne(NOTIFICATION_INTENT.EXPANDED_AT)
        != null;
  }

  void expanded(DSLContext dsl, Waiting intent) {
    dsl.update(NOTIFICATION_INTENT)
        .set(NOTIFICATION_INTENT.EXPANDED_AT, DSL.currentOffsetDateTime())
        .where(
            NOTIFICATION_INTENT.COMMUNITY_ID.eq(intent.communityId()),
            NOTIFICATION_INTENT.ID.eq(intent.id()))
        .execute();
  }

  /**
   * Claims up to {@code limit} deliveries that are due (or whose dispatcher's lease ran out) for
   * {@code lease}: each is counted as one more try and belongs to this dispatcher until then. Rows
   * another dispatcher is claiming are skipped, not waited for.
   */
  List<Claimed> claimDue(DSLContext dsl, int limit, Duration lease) {
    var d = NOTIFICATION_DELIVERY;
    var due =
        DSL.select(d.COMMUNITY_ID, d.NOTIFICATION_ID, d.CHANNEL)
            .from(d)
            .where(
                d.STATUS
                    .in("PENDING", "FAILED")
                    .and(d.NEXT_ATTEMPT_AT.le(DSL.currentOffsetDateTime()))
                    .or(d.STATUS.eq("SENDING").and(d.LEASE_UNTIL.lt(DSL.currentOffsetDateTime()))))
            .orderBy(d.NEXT_ATTEMPT_AT)
            .limit(limit)
            .forUpdate()
            .skipLocked();
    ResultQuery<Record> claimed =
        DSL.resultQuery(
            "{0}",
            dsl.update(d)
                .set(d.STATUS, "SENDING")
                .set(d.ATTEMPTS, d.ATTEMPTS.plus(1))
                .set(
                    d.LEASE_UNTIL,
                    DSL.field(
                        "now() + {0}::interval", OffsetDateTime.class, DSL.val(lease.toString())))
                .where(DSL.row(d.COMMUNITY_ID, d.NOTIFICATION_ID, d.CHANNEL).in(due))
                .returning(d.COMMUNITY_ID, d.NOTIFICATION_ID, d.CHANNEL, d.ATTEMPTS));
    var claims = DSL.name("claims").as(claimed);
    Field<UUID> community = DSL.field(DSL.name("claims", "community_id"), UUID.class);
    Field<UUID> notification = DSL.field(DSL.name("claims", "notification_id"), UUID.class);
    Field<String> channel = DSL.field(DSL.name("claims", "channel"), String.class);
    Field<Integer> attempts = DSL.field(DSL.name("claims", "attempts"), Integer.class);
    return dsl.with(claims)
        .select(
            community,
            notification,
            channel,
            attempts,
            NOTIFICATION.RECIPIENT_USER_ID,
            NOTIFICATION.CATEGORY,
            NOTIFICATION.KIND,
            NOTIFICATION.SUBJECT_TYPE,
            NOTIFICATION.SUBJECT_ID,
            NOTIFICATION_INTENT.AUDIENCE,
            NOTIFICATION.TITLE,
            NOTIFICATION.BODY,
            NOTIFICATION.LINK)
        .from(DSL.table(DSL.name("claims")))
        .join(NOTIFICATION)
        .on(NOTIFICATION.COMMUNITY_ID.eq(community), NOTIFICATION.ID.eq(notification))
        .join(NOTIFICATION_INTENT)
        .on(
            NOTIFICATION_INTENT.COMMUNITY_ID.eq(NOTIFICATION.COMMUNITY_ID),
            NOTIFICATION_INTENT.ID.eq(NOTIFICATION.INTENT_ID))
        .fetch(
            r ->
                new Claimed(
                    r.value1(),
                    r.value2(),
                    NotificationChannel.valueOf(r.value3()),
                    r.value4(),
                    r.value5(),
                    NotificationCategory.valueOf(r.value6()),
                    r.value7(),
                    r.value8(),
                    r.value9(),
                    r.value10(),
                    r.value11(),
                    r.value12(),
                    r.value13()));
  }

  /**
   * Records what became of the claimed try: the delivery's new state and the log's entry. False
   * when the claim was no longer this dispatcher's (its lease ran out and another took it over):
   * then nothing is written.
   */
  boolean settle(
      DSLContext dsl,
      Claimed claim,
      Outcome outcome,
      String status,
      @Nullable OffsetDateTime nextAttempt,
      @Nullable String providerId,
      @Nullable String detail) {
    var d = NOTIFICATION_DELIVERY;
    var update =
        dsl.update(d)
            .set(d.STATUS, status)
            .set(d.LEASE_UNTIL, (OffsetDateTime) null)
            .set(d.PROVIDER_ID, providerId);
    if (nextAttempt != null) {
      update = update.set(d.NEXT_ATTEMPT_AT, nextAttempt);
    }
    if (outcome == Outcome.SENT) {
      update = update.set(d.SENT_AT, DSL.currentOffsetDateTime());
    }
    int settled =
        update
            .where(
                d.COMMUNITY_ID.eq(claim.communityId()),
                d.NOTIFICATION_ID.eq(claim.notificationId()),
                d.CHANNEL.eq(claim.channel().name()),
                d.STATUS.eq("SENDING"),
                d.ATTEMPTS.eq(claim.attempt()))
            .execute();
    if (settled == 0) {
      return false;
    }
    dsl.insertInto(NOTIFICATION_ATTEMPT)
        .set(NOTIFICATION_ATTEMPT.COMMUNITY_ID, claim.communityId())
        .set(NOTIFICATION_ATTEMPT.NOTIFICATION_ID, claim.notificationId())
        .set(NOTIFICATION_ATTEMPT.CHANNEL, claim.channel().name())
        .set(NOTIFICATION_ATTEMPT.ATTEMPT, claim.attempt())
        .set(NOTIFICATION_ATTEMPT.OUTCOME, outcome.name())
        .set(NOTIFICATION_ATTEMPT.PROVIDER_ID, providerId)
        .set(NOTIFICATION_ATTEMPT.DETAIL, detail)
        .execute();
    if (outcome == Outcome.SENT && claim.channel() == NotificationChannel.IN_APP) {
      dsl.update(NOTIFICATION)
          .set(
              NOTIFICATION.SHOWN_AT,
              DSL.coalesce(NOTIFICATION.SHOWN_AT, DSL.currentOffsetDateTime()))
          .where(
              NOTIFICATION.COMMUNITY_ID.eq(claim.communityId()),
              NOTIFICATION.ID.eq(claim.notificationId()))
          .execute();
    }
    return true;
  }

  /**
   * Of {@code people}, those who hold a role in the community, as tenant-admin's mirror of
   * Keycloak's role groups says; all of them while the mirror knows nobody there yet (tenant-admin
   * has not read the community's groups: better told than silently dropped).
   */
  java.util.Set<String> holdingARole(
      DSLContext dsl, UUID communityId, java.util.Collection<String> people) {
    if (people.isEmpty()) {
      return java.util.Set.of();
    }
    var mirrored =
        dsl.select(COMMUNITY_ROLE_HOLDER.USER_ID)
            .from(COMMUNITY_ROLE_HOLDER)
            .where(COMMUNITY_ROLE_HOLDER.COMMUNITY_ID.eq(communityId))
            .limit(1);
    if (!dsl.fetchExists(mirrored)) {
      return new java.util.HashSet<>(people);
    }
    return dsl.selectDistinct(COMMUNITY_ROLE_HOLDER.USER_ID)
        .from(COMMUNITY_ROLE_HOLDER)
        .where(
            COMMUNITY_ROLE_HOLDER.COMMUNITY_ID.eq(communityId),
            COMMUNITY_ROLE_HOLDER.USER_ID.in(people))
        .fetchSet(COMMUNITY_ROLE_HOLDER.USER_ID);
  }

  // --- the inbox

  /**
   * Marks one of the caller's notifications read (kept when it was already): its row, if theirs.
   */
  static ResultQuery<Record> markRead(UUID communityId, UUID id, String userId) {
    return DSL.resultQuery(
        "{0}",
        DSL.update(NOTIFICATION)
            .set(
                NOTIFICATION.READ_AT,
                DSL.coalesce(NOTIFICATION.READ_AT, DSL.currentOffsetDateTime()))
            .where(
                NOTIFICATION.COMMUNITY_ID.eq(communityId),
                NOTIFICATION.ID.eq(id),
                NOTIFICATION.RECIPIENT_USER_ID.eq(userId),
                NOTIFICATION.SHOWN_AT.isNotNull())
            .returning(NOTIFICATION.COMMUNITY_ID, NOTIFICATION.ID));
  }

  /**
   * Marks the caller's unread notifications of one community read, those shown until {@code until}
   * (null: all): the rows it marked.
   */
  static ResultQuery<Record> markAllRead(
      UUID communityId, String userId, @Nullable OffsetDateTime until) {
    return DSL.resultQuery(
        "{0}",
        DSL.update(NOTIFICATION)
            .set(NOTIFICATION.READ_AT, DSL.currentOffsetDateTime())
            .where(
                NOTIFICATION.COMMUNITY_ID.eq(communityId),
                NOTIFICATION.RECIPIENT_USER_ID.eq(userId),
                NOTIFICATION.SHOWN_AT.isNotNull(),
                NOTIFICATION.READ_AT.isNull(),
                until == null ? DSL.noCondition() : NOTIFICATION.CREATED_AT.le(until))
            .returning(NOTIFICATION.COMMUNITY_ID, NOTIFICATION.ID));
  }
}
