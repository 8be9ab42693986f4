package org.redgovernance.api.meetings;

import static org.redgovernance.database.jooq.Tables.AGENDA_ITEM;
import static org.redgovernance.database.jooq.Tables.ATTENDANCE;
import static org.redgovernance.database.jooq.Tables.BODY_CARD;
import static org.redgovernance.database.jooq.Tables.MATTER_CARD;
import static org.redgovernance.database.jooq.Tables.MEETING;
import static org.redgovernance.database.jooq.Tables.MEETING_INVITATION;
import static org.redgovernance.database.jooq.Tables.PARTY_MEMBER_CARD;
import static org.redgovernance.database.jooq.Tables.RESIDENT_CARD;

import org.jooq.Condition;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Where a meeting's parts are read from, with the cards that name them, and which rows belong to
 * the meeting of the surrounding statement ({@code MEETING}): the same for the meeting read whole
 * ({@link MeetingRepository}) and the meeting PostgreSQL writes ({@link MeetingJson}).
 */
final class MeetingParts {

  private MeetingParts() {}

  /** The bodies invited, with their cards. */
  static final Table<?> INVITATIONS =
      MEETING_INVITATION
          .join(BODY_CARD)
          .on(
              BODY_CARD.COMMUNITY_ID.eq(MEETING_INVITATION.COMMUNITY_ID),
              BODY_CARD.ID.eq(MEETING_INVITATION.BODY_ID));

  static final Condition INVITATIONS_OF_THE_MEETING =
      DSL.and(
          MEETING_INVITATION.COMMUNITY_ID.eq(MEETING.COMMUNITY_ID),
          MEETING_INVITATION.MEETING_ID.eq(MEETING.ID));

  /** Agenda items, with the cards of the matters they hear (none for a free topic). */
  static final Table<?> AGENDA =
      AGENDA_ITEM
          .leftJoin(MATTER_CARD)
          .on(
              MATTER_CARD.COMMUNITY_ID.eq(AGENDA_ITEM.COMMUNITY_ID),
              MATTER_CARD.ID.eq(AGENDA_ITEM.MATTER_ID));

  static final Condition AGENDA_OF_THE_MEETING =
      DSL.and(
          AGENDA_ITEM.COMMUNITY_ID.eq(MEETING.COMMUNITY_ID), AGENDA_ITEM.MEETING_ID.eq(MEETING.ID));

  /** Attendance marks, with the body marked for and the person's name. */
  static final Table<?> ATTENDANCE_WITH_NAMES =
      ATTENDANCE
          .join(BODY_CARD)
          .on(
              BODY_CARD.COMMUNITY_ID.eq(ATTENDANCE.COMMUNITY_ID),
              BODY_CARD.ID.eq(ATTENDANCE.BODY_ID))
          .leftJoin(RESIDENT_CARD)
          .on(
              RESIDENT_CARD.COMMUNITY_ID.eq(ATTENDANCE.COMMUNITY_ID),
              RESIDENT_CARD.ID.eq(ATTENDANCE.RESIDENT_ID))
          .leftJoin(PARTY_MEMBER_CARD)
          .on(
              PARTY_MEMBER_CARD.COMMUNITY_ID.eq(ATTENDANCE.COMMUNITY_ID),
              PARTY_MEMBER_CARD.ID.eq(ATTENDANCE.PARTY_MEMBER_ID));

  static final Condition ATTENDANCE_OF_THE_MEETING =
      DSL.and(
          ATTENDANCE.COMMUNITY_ID.eq(MEETING.COMMUNITY_ID), ATTENDANCE.MEETING_ID.eq(MEETING.ID));
}
