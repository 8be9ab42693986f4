package org.redgovernance.api.notices;

import static org.redgovernance.database.jooq.Tables.NOTICE;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.communities.CommunityModels;
import org.redgovernance.api.readmodel.InCommunities;
import org.redgovernance.api.readmodel.Keyset;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.jooq.tables.Notice;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code Notice} as the read model declares it. Which notices a caller may read is {@link
 * NoticeVisibility}'s, applied wherever a notice is read: the list, {@code node(id:)}, a mutation's
 * answer, a live event.
 */
@Configuration(proxyBeanMethods = false)
class NoticeModels {

  static final ModelRef<Notice> NOTICES = new ModelRef<>(NoticeTypes.NOTICE, NOTICE::as);

  /** Newest first: the order of a notice board. */
  static final Keyset<Notice> NEWEST_FIRST =
      Keyset.newestFirst(notice -> notice.PUBLISHED_AT, notice -> notice.ID);

  @Bean
  ObjectModel<Notice> noticeModel() {
    return ObjectModel.of(NOTICES)
        .rows((notice, request) -> readable(notice, request.scope()))
        .id(notice -> notice.COMMUNITY_ID, notice -> notice.ID)
        .reference(
            "community",
            CommunityModels.COMMUNITIES,
            community -> List.of(community.ID),
            notice -> List.of(notice.COMMUNITY_ID))
        .value("title", notice -> notice.TITLE)
        .value("body", notice -> notice.BODY)
        .value("audience", notice -> notice.AUDIENCE)
        .value("status", notice -> notice.STATUS)
        .value("authorName", notice -> notice.AUTHOR_NAME)
        .dateTime("publishedAt", notice -> notice.PUBLISHED_AT)
        .dateTime("withdrawnAt", notice -> notice.WITHDRAWN_AT)
        .value("withdrawnReason", notice -> notice.WITHDRAWN_REASON)
        .value("version", notice -> notice.VERSION)
        .dateTime("createdAt", notice -> notice.CREATED_AT)
        .dateTime("updatedAt", notice -> notice.UPDATED_AT)
        .build();
  }

  /**
   * The notices of the {@code notices} filter: of one community or all the caller's, of some
   * statuses and audiences (null: any).
   */
  static Function<Notice, Condition> matching(
      AccessScope scope,
      @Nullable String communityKey,
      @Nullable List<NoticeStatus> statuses,
      @Nullable List<NoticeAudience> audiences) {
    List<UUID> communities =
        (communityKey == null ? scope.communities() : scope.byKey(communityKey).stream().toList())
            .stream().map(ReachableCommunity::id).toList();
    return notice ->
        InCommunities.of(notice.COMMUNITY_ID, communities)
            .and(
                statuses == null
                    ? DSL.noCondition()
                    : notice.STATUS.in(statuses.stream().map(Enum::name).toList()))
            .and(
                audiences == null
                    ? DSL.noCondition()
                    : notice.AUDIENCE.in(audiences.stream().map(Enum::name).toList()));
  }

  /** The notices the caller may read, community by community as their role there allows. */
  private static Condition readable(Notice notice, AccessScope scope) {
    Map<NoticeVisibility, List<UUID>> byVisibility =
        scope.communities().stream()
            .collect(
                Collectors.groupingBy(
                    NoticeVisibility::of,
                    () -> new EnumMap<>(NoticeVisibility.class),
                    Collectors.mapping(ReachableCommunity::id, Collectors.toList())));
    List<Condition> any = new ArrayList<>();
    byVisibility.forEach(
        (visibility, communities) -> {
          Condition condition =
              InCommunities.of(notice.COMMUNITY_ID, communities)
                  .and(
                      notice.AUDIENCE.in(visibility.audiences().stream().map(Enum::name).toList()));
          if (!visibility.seesWithdrawn()) {
            condition = condition.and(notice.STATUS.eq(NoticeStatus.PUBLISHED.name()));
          }
          any.add(condition);
        });
    return any.isEmpty() ? DSL.falseCondition() : DSL.or(any);
  }

  /**
   * The notices the community had published and not withdrawn at {@code until} (the catalogue's
   * metric): a notice withdrawn later counts for the days it was up.
   */
  static org.jooq.Field<Integer> publishedAt(
      org.jooq.Field<java.util.UUID> community, org.jooq.Field<java.time.OffsetDateTime> until) {
    Notice counted = NOTICE.as("counted_notice");
    return DSL.field(
        DSL.selectCount()
            .from(counted)
            .where(
                counted.COMMUNITY_ID.eq(community),
                counted.PUBLISHED_AT.lt(until),
                counted.WITHDRAWN_AT.isNull().or(counted.WITHDRAWN_AT.ge(until))));
  }
}
