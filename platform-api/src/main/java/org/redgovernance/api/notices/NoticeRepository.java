package org.redgovernance.api.notices;

import static org.redgovernance.database.jooq.Tables.NOTICE;

import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Writing notices, and what their rules read of them; notices are read for answers through the read
 * model ({@link NoticeModels}). Every method runs inside a tenant transaction.
 */
@Repository
class NoticeRepository {

  Optional<NoticeState> find(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.select(
            NOTICE.COMMUNITY_ID, NOTICE.ID, NOTICE.AUDIENCE, NOTICE.STATUS, NOTICE.VERSION)
        .from(NOTICE)
        .where(NOTICE.COMMUNITY_ID.eq(communityId), NOTICE.ID.eq(id))
        .fetchOptional(NoticeRepository::toState);
  }

  /** The insert of a new notice, for a {@code Write}. */
  static ResultQuery<? extends Record> insert(
      UUID communityId,
      UUID id,
      String title,
      String body,
      NoticeAudience audience,
      String authorId,
      String authorName) {
    return DSL.insertInto(NOTICE)
        .set(NOTICE.COMMUNITY_ID, communityId)
        .set(NOTICE.ID, id)
        .set(NOTICE.TITLE, title)
        .set(NOTICE.BODY, body)
        .set(NOTICE.AUDIENCE, audience.name())
        .set(NOTICE.AUTHOR_ID, authorId)
        .set(NOTICE.AUTHOR_NAME, authorName)
        .returningResult(NOTICE.COMMUNITY_ID, NOTICE.ID);
  }

  /**
   * The update that withdraws a published notice if it is still at {@code expectedVersion}, for a
   * {@code Write}: nothing returned when it is not.
   */
  static ResultQuery<? extends Record> withdraw(
      UUID communityId, UUID id, int expectedVersion, String reason) {
    return DSL.update(NOTICE)
        .set(NOTICE.STATUS, NoticeStatus.WITHDRAWN.name())
        .set(NOTICE.WITHDRAWN_AT, DSL.currentOffsetDateTime())
        .set(NOTICE.WITHDRAWN_REASON, reason)
        .set(NOTICE.VERSION, NOTICE.VERSION.plus(1))
        .set(NOTICE.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(
            NOTICE.COMMUNITY_ID.eq(communityId),
            NOTICE.ID.eq(id),
            NOTICE.VERSION.eq(expectedVersion),
            NOTICE.STATUS.eq(NoticeStatus.PUBLISHED.name()))
        .returningResult(NOTICE.COMMUNITY_ID, NOTICE.ID);
  }

  private static NoticeState toState(Record row) {
    return new NoticeState(
        row.get(NOTICE.COMMUNITY_ID),
        row.get(NOTICE.ID),
        NoticeAudience.valueOf(row.get(NOTICE.AUDIENCE)),
        NoticeStatus.valueOf(row.get(NOTICE.STATUS)),
        row.get(NOTICE.VERSION));
  }
}
