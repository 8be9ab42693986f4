package org.redgovernance.api.notices;

import static org.redgovernance.database.jooq.Tables.NOTICE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.PageRows;
import org.redgovernance.api.graphql.TimeCursor;
import org.redgovernance.database.jooq.tables.records.NoticeRecord;
import org.springframework.stereotype.Repository;

/** Notices in PostgreSQL. Every method runs inside a tenant transaction. */
@Repository
class NoticeRepository {

  /**
   * One page, newest first, of the notices that each community's visibility lets the caller read,
   * with how many there are in all when {@code counted}.
   */
  PageRows<Notice> page(
      DSLContext dsl,
      Map<NoticeVisibility, ? extends Collection<UUID>> communitiesByVisibility,
      @Nullable List<NoticeStatus> statuses,
      @Nullable List<NoticeAudience> audiences,
      @Nullable TimeCursor after,
      int limit,
      boolean counted) {
    List<Condition> where = new ArrayList<>();
    where.add(visible(communitiesByVisibility));
    if (statuses != null) {
      where.add(NOTICE.STATUS.in(statuses.stream().map(Enum::name).toList()));
    }
    if (audiences != null) {
      where.add(NOTICE.AUDIENCE.in(audiences.stream().map(Enum::name).toList()));
    }
    Condition cursor =
        after == null
            ? DSL.noCondition()
            : DSL.row(NOTICE.PUBLISHED_AT, NOTICE.ID).lt(after.at(), after.id());
    return PageRows.fetch(
        dsl,
        DSL.selectFrom(NOTICE)
            .where(DSL.and(where).and(cursor))
            .orderBy(NOTICE.PUBLISHED_AT.desc(), NOTICE.ID.desc())
            .limit(limit),
        counted ? DSL.selectCount().from(NOTICE).where(where) : null,
        NoticeRepository::toNotice);
  }

  Optional<Notice> find(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.selectFrom(NOTICE)
        .where(NOTICE.COMMUNITY_ID.eq(communityId), NOTICE.ID.eq(id))
        .fetchOptional(NoticeRepository::toNotice);
  }

  Notice insert(
      DSLContext dsl,
      UUID communityId,
      UUID id,
      String title,
      String body,
      NoticeAudience audience,
      String authorId,
      String authorName) {
    return toNotice(
        dsl.insertInto(NOTICE)
            .set(NOTICE.COMMUNITY_ID, communityId)
            .set(NOTICE.ID, id)
            .set(NOTICE.TITLE, title)
            .set(NOTICE.BODY, body)
            .set(NOTICE.AUDIENCE, audience.name())
            .set(NOTICE.AUTHOR_ID, authorId)
            .set(NOTICE.AUTHOR_NAME, authorName)
            .returning()
            .fetchSingle());
  }

  /** Withdraws a published notice if it is still at {@code expectedVersion}. */
  Optional<Notice> withdraw(
      DSLContext dsl, UUID communityId, UUID id, @Nullable Integer expectedVersion, String reason) {
    return dsl.update(NOTICE)
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
        .returning()
        .fetchOptional()
        .map(NoticeRepository::toNotice);
  }

  private static Condition visible(
      Map<NoticeVisibility, ? extends Collection<UUID>> communitiesByVisibility) {
    List<Condition> any = new ArrayList<>();
    communitiesByVisibility.forEach(
        (visibility, communities) -> {
          Condition condition =
              NOTICE
                  .COMMUNITY_ID
                  .in(communities)
                  .and(
                      NOTICE.AUDIENCE.in(visibility.audiences().stream().map(Enum::name).toList()));
          if (!visibility.seesWithdrawn()) {
            condition = condition.and(NOTICE.STATUS.eq(NoticeStatus.PUBLISHED.name()));
          }
          any.add(condition);
        });
    return any.isEmpty() ? DSL.falseCondition() : DSL.or(any);
  }

  private static Notice toNotice(Record record) {
    NoticeRecord notice = record.into(NOTICE);
    return new Notice(
        notice.getCommunityId(),
        notice.getId(),
        notice.getTitle(),
        notice.getBody(),
        NoticeAudience.valueOf(notice.getAudience()),
        NoticeStatus.valueOf(notice.getStatus()),
        notice.getAuthorName(),
        notice.getPublishedAt(),
        notice.getWithdrawnAt(),
        notice.getWithdrawnReason(),
        notice.getVersion(),
        notice.getCreatedAt(),
        notice.getUpdatedAt());
  }
}
