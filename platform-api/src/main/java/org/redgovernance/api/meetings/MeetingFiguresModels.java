package org.redgovernance.api.meetings;

import static org.redgovernance.database.jooq.Tables.ACTION_ITEM;
import static org.redgovernance.database.jooq.Tables.ATTENDANCE;
import static org.redgovernance.database.jooq.Tables.BODY_CARD;
import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.MEETING;

import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.redgovernance.api.communities.CommunityModels;
import org.redgovernance.api.readmodel.InCommunities;
import org.redgovernance.api.readmodel.JsonSql;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.database.jooq.tables.BodyCard;
import org.redgovernance.database.jooq.tables.Community;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code Community.meetingFigures} as the read model declares them: how regularly the bodies meet,
 * how well each attends and whether what they decide gets done, counted back from the request's one
 * clock.
 */
@Configuration(proxyBeanMethods = false)
class MeetingFiguresModels {

  static final ModelRef<Community> FIGURES = new ModelRef<>("MeetingFigures", COMMUNITY::as);
  static final ModelRef<BodyCard> RATES = new ModelRef<>("BodyAttendanceRate", BODY_CARD::as);

  /** Regularity is judged over eight weeks, attendance over ninety days. */
  private static final int WEEKS = 8;

  private static final int ATTENDANCE_DAYS = 90;

  @Bean
  ObjectModel<Community> meetingFiguresModel() {
    return ObjectModel.of(FIGURES)
        .rows((community, request) -> InCommunities.inScope(community.ID, request.scope()))
        .value(
            "meetingsPerWeek",
            (community, request) -> meetingsPerWeek(community.ID, request.today()))
        .value("heldInLast8Weeks", (community, request) -> held(community.ID, request.today()))
        .value("openActionItems", community -> openActionItems(community.ID))
        .value(
            "overdueActionItems",
            (community, request) -> overdueActionItems(community.ID, request.today()))
        .list(
            "attendanceByBody",
            RATES,
            (community, body) -> body.COMMUNITY_ID.eq(community.ID),
            body -> List.of(body.KIND, body.ID))
        .build();
  }

  @Bean
  ObjectModel<BodyCard> bodyAttendanceRateModel() {
    return ObjectModel.of(RATES)
        .value("bodyId", body -> JsonSql.globalId("GovernanceBody", body.COMMUNITY_ID, body.ID))
        .value("kind", body -> body.KIND)
        .value("name", body -> body.NAME)
        .value("marked", (body, request) -> marks(body, request, DSL.noCondition()))
        .value(
            "rate",
            (body, request) -> {
              Field<Integer> marked = marks(body, request, DSL.noCondition());
              Field<Integer> present =
                  marks(body, request, ATTENDANCE.STATUS.eq(AttendanceStatus.PRESENT.name()));
              return DSL.when(marked.eq(DSL.inline(0)), DSL.inline((Double) null))
                  .otherwise(present.cast(SQLDataType.DOUBLE).div(marked.cast(SQLDataType.DOUBLE)));
            })
        .build();
  }

  @Bean
  ObjectModel<Community> communityMeetingFigures() {
    return ObjectModel.extension(CommunityModels.COMMUNITIES)
        .reference(
            "meetingFigures",
            FIGURES,
            figures -> List.of(figures.ID),
            community -> List.of(community.ID))
        .build();
  }

  // --- the figures, as these and the metric catalogue (MeetingMetrics) read them

  /**
   * Meetings held that began in the eight weeks (whole Asia/Shanghai days) before today, or today:
   * what the records of a past day say as well as today's.
   */
  static Field<Integer> held(Field<UUID> community, java.time.LocalDate today) {
    return DSL.field(
        DSL.selectCount()
            .from(MEETING)
            .where(
                MEETING.COMMUNITY_ID.eq(community),
                MEETING.STATUS.eq(MeetingStatus.HELD.name()),
                MEETING.STARTS_AT.ge(
                    today.minusWeeks(WEEKS).atStartOfDay(ReadRequest.ZONE).toOffsetDateTime()),
                MEETING.STARTS_AT.lt(
                    today.plusDays(1).atStartOfDay(ReadRequest.ZONE).toOffsetDateTime())));
  }

  /** {@link #held} per week. */
  static Field<Double> meetingsPerWeek(Field<UUID> community, java.time.LocalDate today) {
    return held(community, today).cast(SQLDataType.DOUBLE).div(DSL.inline((double) WEEKS));
  }

  /** Action items still open. */
  static Field<Integer> openActionItems(Field<UUID> community) {
    return actionItems(community, DSL.noCondition());
  }

  /** Open action items past their due date {@code today}. */
  static Field<Integer> overdueActionItems(Field<UUID> community, java.time.LocalDate today) {
    return actionItems(community, ACTION_ITEM.DUE_ON.lt(today));
  }

  private static Field<Integer> actionItems(Field<UUID> community, Condition which) {
    return DSL.field(
        DSL.selectCount()
            .from(ACTION_ITEM)
            .where(
                ACTION_ITEM.COMMUNITY_ID.eq(community),
                ACTION_ITEM.STATUS.eq(ActionItemStatus.OPEN.name()),
                which));
  }

  /** The body's marks at the meetings held in the last ninety days. */
  private static Field<Integer> marks(BodyCard body, ReadRequest request, Condition which) {
    return marks(body.COMMUNITY_ID, ATTENDANCE.BODY_ID.eq(body.ID), request.today(), which);
  }

  /**
   * The marks of the community's bodies of {@code kind} (PARTY_BRANCH, OWNERS_COMMITTEE …) at the
   * meetings held in the ninety days before today: all, or those present (the catalogue's
   * attendance per body).
   */
  static Field<Integer> marksOfKind(
      Field<UUID> community, String kind, java.time.LocalDate today, boolean presentOnly) {
    BodyCard body = BODY_CARD.as("marked_body");
    return marks(
        community,
        DSL.exists(
            DSL.selectOne()
                .from(body)
                .where(
                    body.COMMUNITY_ID.eq(ATTENDANCE.COMMUNITY_ID),
                    body.ID.eq(ATTENDANCE.BODY_ID),
                    body.KIND.eq(kind))),
        today,
        presentOnly ? ATTENDANCE.STATUS.eq(AttendanceStatus.PRESENT.name()) : DSL.noCondition());
  }

  /**
   * The marks of {@code bodies} at the community's meetings held in the ninety whole days
   * (Asia/Shanghai) before today, or today: the same window for a past day's records as for now.
   */
  private static Field<Integer> marks(
      Field<UUID> community, Condition bodies, java.time.LocalDate today, Condition which) {
    return DSL.field(
        DSL.selectCount()
            .from(ATTENDANCE)
            .join(MEETING)
            .on(
                MEETING.COMMUNITY_ID.eq(ATTENDANCE.COMMUNITY_ID),
                MEETING.ID.eq(ATTENDANCE.MEETING_ID))
            .where(
                ATTENDANCE.COMMUNITY_ID.eq(community),
                bodies,
                MEETING.STATUS.eq(MeetingStatus.HELD.name()),
                MEETING.STARTS_AT.ge(
                    today
                        .minusDays(ATTENDANCE_DAYS)
                        .atStartOfDay(ReadRequest.ZONE)
                        .toOffsetDateTime()),
                MEETING.STARTS_AT.lt(
                    today.plusDays(1).atStartOfDay(ReadRequest.ZONE).toOffsetDateTime()),
                which));
  }
}
