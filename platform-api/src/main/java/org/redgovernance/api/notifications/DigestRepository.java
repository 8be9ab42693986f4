package org.redgovernance.api.notifications;

import static org.redgovernance.database.jooq.Tables.NOTIFICATION;
import static org.redgovernance.database.jooq.Tables.NOTIFICATION_DELIVERY;
import static org.redgovernance.database.jooq.Tables.NOTIFICATION_DIGEST;
import static org.redgovernance.database.jooq.Tables.NOTIFICATION_INTENT;
import static org.redgovernance.database.jooq.Tables.NOTIFICATION_SETTING;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.security.Caller;
import org.springframework.stereotype.Component;

/** Digests of notifications, as SQL. */
@Component
class DigestRepository {

  private final NotificationRepository notifications;

  DigestRepository(NotificationRepository notifications) {
    this.notifications = notifications;
  }

  /** A digest made now for one person. */
  record Opened(UUID id, String userId) {}

  /** A notification a digest lists. */
  record Item(NotificationCategory category, String title, String body, OffsetDateTime createdAt) {}

  /**
   * The window's digest of {@code frequency} for each person of the community who chose it and has
   * an e-mail address, made now; none for those who had it already (another run made it).
   */
  List<Opened> open(
      DSLContext dsl,
      UUID communityId,
      DigestFrequency frequency,
      OffsetDateTime start,
      OffsetDateTime end) {
    var d = NOTIFICATION_DIGEST;
    var s = NOTIFICATION_SETTING;
    return dsl.insertInto(d, d.COMMUNITY_ID, d.USER_ID, d.FREQUENCY, d.WINDOW_START, d.WINDOW_END)
        .select(
            DSL.select(
                    s.COMMUNITY_ID,
                    s.USER_ID,
                    DSL.inline(frequency.name()),
                    DSL.val(start),
                    DSL.val(end))
                .from(s)
                .where(
                    s.COMMUNITY_ID.eq(communityId),
                    s.DIGEST.eq(frequency.name()),
                    s.EMAIL.isNotNull()))
        .onConflictDoNothing()
        .returning(d.ID, d.USER_ID)
        .fetch(r -> new Opened(r.getValue(d.ID), r.getValue(d.USER_ID)));
  }

  /**
   * The person's notifications of the window that they have not read and that did not go out to
   * them on a channel outside the inbox (e-mail, text, WeChat): by category, newest first.
   */
  List<Item> unseen(
      DSLContext dsl, UUID communityId, String person, OffsetDateTime start, OffsetDateTime end) {
    var n = NOTIFICATION;
    var d = NOTIFICATION_DELIVERY;
    return dsl.select(n.CATEGORY, n.TITLE, n.BODY, n.CREATED_AT)
        .from(n)
        .where(
            n.COMMUNITY_ID.eq(communityId),
            n.RECIPIENT_USER_ID.eq(person),
            n.CREATED_AT.ge(start),
            n.CREATED_AT.lt(end),
            n.SHOWN_AT.isNotNull(),
            n.READ_AT.isNull(),
            DSL.notExists(
                DSL.selectOne()
                    .from(d)
                    .where(
                        d.COMMUNITY_ID.eq(n.COMMUNITY_ID),
                        d.NOTIFICATION_ID.eq(n.ID),
                        d.CHANNEL.ne(NotificationChannel.IN_APP.name()),
                        d.STATUS.eq("SENT"))))
        .orderBy(n.CATEGORY, n.CREATED_AT.desc(), n.ID.desc())
        .fetch(
            r ->
                new Item(
                    NotificationCategory.valueOf(r.value1()), r.value2(), r.value3(), r.value4()));
  }

  /**
   * The digest as a notification of its person, already expanded, with its e-mail delivery due at
   * {@code dueAt}: the outbox's own rows ({@link NotificationRepository#add}), which the dispatcher
   * delivers like any other (tries, backoff, the delivery log).
   */
  UUID deliver(
      DSLContext dsl,
      UUID communityId,
      Opened digest,
      DigestFrequency frequency,
      NotificationRepository.Rendered text,
      OffsetDateTime dueAt) {
    String kind = frequency.name() + "_DIGEST";
    var intent =
        dsl.insertInto(NOTIFICATION_INTENT)
            .set(NOTIFICATION_INTENT.COMMUNITY_ID, communityId)
            .set(NOTIFICATION_INTENT.CATEGORY, NotificationCategory.DIGESTS.name())
            .set(NOTIFICATION_INTENT.KIND, kind)
            .set(NOTIFICATION_INTENT.SUBJECT_TYPE, DigestSubject.TYPE)
            .set(NOTIFICATION_INTENT.SUBJECT_ID, digest.id())
            .set(NOTIFICATION_INTENT.AUDIENCE, DigestSubject.RECIPIENT)
            .set(NOTIFICATION_INTENT.ACTOR_ID, Caller.SYSTEM.userId())
            .set(NOTIFICATION_INTENT.DEDUPE_KEY, "DIGEST:" + digest.id())
            .set(NOTIFICATION_INTENT.EXPANDED_AT, DSL.currentOffsetDateTime())
            .returning(NOTIFICATION_INTENT.ID, NOTIFICATION_INTENT.CREATED_AT)
            .fetchOne();
    NotificationRepository.Waiting expanded =
        new NotificationRepository.Waiting(
            communityId,
            intent.getId(),
            NotificationCategory.DIGESTS,
            kind,
            DigestSubject.TYPE,
            digest.id(),
            DigestSubject.RECIPIENT,
            Caller.SYSTEM.userId(),
            intent.getCreatedAt());
    return notifications
        .add(dsl, expanded, text, Map.of(digest.userId(), Map.of(NotificationChannel.EMAIL, dueAt)))
        .get(digest.userId());
  }

  /** What became of the digest: how many it listed, and the notification it went out as. */
  void written(
      DSLContext dsl, UUID communityId, UUID digest, int items, @Nullable UUID notification) {
    dsl.update(NOTIFICATION_DIGEST)
        .set(NOTIFICATION_DIGEST.ITEMS, items)
        .set(NOTIFICATION_DIGEST.NOTIFICATION_ID, notification)
        .where(NOTIFICATION_DIGEST.COMMUNITY_ID.eq(communityId), NOTIFICATION_DIGEST.ID.eq(digest))
        .execute();
  }

  /** Its person, while they still want digests and have an address for them. */
  Set<String> recipient(DSLContext dsl, UUID communityId, UUID digest) {
    var d = NOTIFICATION_DIGEST;
    var s = NOTIFICATION_SETTING;
    return dsl.select(d.USER_ID)
        .from(d)
        .join(s)
        .on(s.COMMUNITY_ID.eq(d.COMMUNITY_ID), s.USER_ID.eq(d.USER_ID))
        .where(
            d.COMMUNITY_ID.eq(communityId),
            d.ID.eq(digest),
            s.DIGEST.ne(DigestFrequency.NONE.name()),
            s.EMAIL.isNotNull())
        .fetchSet(d.USER_ID);
  }
}
