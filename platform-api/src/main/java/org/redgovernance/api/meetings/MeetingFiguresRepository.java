package org.redgovernance.api.meetings;

import static org.redgovernance.database.jooq.Tables.ACTION_ITEM;
import static org.redgovernance.database.jooq.Tables.ATTENDANCE;
import static org.redgovernance.database.jooq.Tables.BODY_CARD;
import static org.redgovernance.database.jooq.Tables.MEETING;

import java.time.LocalDate;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.meetings.MeetingFigures.BodyRate;
import org.springframework.stereotype.Repository;

/** The meeting figures of a community, in two aggregate statements. */
@Repository
class MeetingFiguresRepository {

  MeetingFigures figures(DSLContext dsl, UUID communityId, LocalDate today) {
    var counts =
        dsl.select(
                DSL.field(
                        DSL.selectCount()
                            .from(MEETING)
                            .where(
                                MEETING.COMMUNITY_ID.eq(communityId),
                                MEETING.STATUS.eq(MeetingStatus.HELD.name()),
                                MEETING.STARTS_AT.ge(
                                    DSL.currentOffsetDateTime().minus(DSL.inline(56)))))
                    .as("held"),
                DSL.count().filterWhere(ACTION_ITEM.STATUS.eq(ActionItemStatus.OPEN.name())),
                DSL.count()
                    .filterWhere(
                        ACTION_ITEM
                            .STATUS
                            .eq(ActionItemStatus.OPEN.name())
                            .and(ACTION_ITEM.DUE_ON.lt(today))))
            .from(ACTION_ITEM)
            .where(ACTION_ITEM.COMMUNITY_ID.eq(communityId))
            .fetchSingle();
    var present = DSL.count().filterWhere(ATTENDANCE.STATUS.eq(AttendanceStatus.PRESENT.name()));
    var marked = DSL.count(ATTENDANCE.ID);
    var rates =
        dsl.select(BODY_CARD.ID, BODY_CARD.KIND, BODY_CARD.NAME, marked, present)
            .from(BODY_CARD)
            .leftJoin(MEETING)
            .on(
                MEETING.COMMUNITY_ID.eq(BODY_CARD.COMMUNITY_ID),
                MEETING.STATUS.eq(MeetingStatus.HELD.name()),
                MEETING.STARTS_AT.ge(DSL.currentOffsetDateTime().minus(DSL.inline(90))))
            .leftJoin(ATTENDANCE)
            .on(
                ATTENDANCE.COMMUNITY_ID.eq(MEETING.COMMUNITY_ID),
                ATTENDANCE.MEETING_ID.eq(MEETING.ID),
                ATTENDANCE.BODY_ID.eq(BODY_CARD.ID))
            .where(BODY_CARD.COMMUNITY_ID.eq(communityId))
            .groupBy(BODY_CARD.ID, BODY_CARD.KIND, BODY_CARD.NAME)
            .orderBy(BODY_CARD.KIND)
            .fetch(
                r ->
                    new BodyRate(
                        GlobalId.of("GovernanceBody", communityId, r.value1()),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value4() == 0 ? null : (double) r.value5() / r.value4()));
    int held = counts.value1();
    return new MeetingFigures(held / 8.0, held, counts.value2(), counts.value3(), rates);
  }
}
