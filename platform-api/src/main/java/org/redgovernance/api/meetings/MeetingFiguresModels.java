package org.redgovernance.api.meetings;

import static org.redgovernance.database.jooq.Tables.ACTION_ITEM;
import static org.redgovernance.database.jooq.Tables.ATTENDANCE;
import static org.redgovernance.database.jooq.Tables.BODY_CARD;
import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.MEETING;

import java.util.List;
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
            (community, request) ->
                held(community, request).cast(SQLDataType.DOUBLE).div(DSL.inline((double) WEEKS)))
        .value("heldInLast8Weeks", MeetingFiguresModels::held)
        .value("openActionItems", community -> actionItems(community, DSL.noCondition()))
        .value(
            "overdueActionItems",
            (community, request) -> actionItems(community, ACTION_ITEM.DUE_ON.lt(request.today())))
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

  private static Field<Integer> held(Community community, ReadRequest request) {
    return DSL.field(
        DSL.selectCount()
            .from(MEETING)
            .where(
                MEETING.COMMUNITY_ID.eq(community.ID),
                MEETING.STATUS.eq(MeetingStatus.HELD.name()),
                MEETING.STARTS_AT.ge(request.now().minusWeeks(WEEKS))));
  }

  private static Field<Integer> actionItems(Community community, Condition which) {
    return DSL.field(
        DSL.selectCount()
            .from(ACTION_ITEM)
            .where(
                ACTION_ITEM.COMMUNITY_ID.eq(community.ID),
                ACTION_ITEM.STATUS.eq(ActionItemStatus.OPEN.name()),
                which));
  }

  /** The body's marks at the meetings held in the last ninety days. */
  private static Field<Integer> marks(BodyCard body, ReadRequest request, Condition which) {
    return DSL.field(
        DSL.selectCount()
            .from(ATTENDANCE)
            .join(MEETING)
            .on(
                MEETING.COMMUNITY_ID.eq(ATTENDANCE.COMMUNITY_ID),
                MEETING.ID.eq(ATTENDANCE.MEETING_ID))
            .where(
                ATTENDANCE.COMMUNITY_ID.eq(body.COMMUNITY_ID),
                ATTENDANCE.BODY_ID.eq(body.ID),
                MEETING.STATUS.eq(MeetingStatus.HELD.name()),
                MEETING.STARTS_AT.ge(request.now().minusDays(ATTENDANCE_DAYS)),
                which));
  }
}
