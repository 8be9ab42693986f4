package org.redgovernance.api.meetings;

import static org.redgovernance.database.jooq.Tables.ACTION_ITEM;
import static org.redgovernance.database.jooq.Tables.AGENDA_ITEM;
import static org.redgovernance.database.jooq.Tables.BODY_CARD;
import static org.redgovernance.database.jooq.Tables.BODY_SEAT_CARD;
import static org.redgovernance.database.jooq.Tables.MATTER_CARD;
import static org.redgovernance.database.jooq.Tables.MEETING;
import static org.redgovernance.database.jooq.Tables.MEETING_INVITATION;
import static org.redgovernance.database.jooq.Tables.MEETING_SERIES;
import static org.redgovernance.database.jooq.Tables.PARTY_MEMBER_CARD;
import static org.redgovernance.database.jooq.Tables.RESIDENT_CARD;
import static org.redgovernance.database.jooq.Tables.SERVICE_POST_CARD;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.database.Ids;
import org.springframework.stereotype.Repository;

/**
 * Meetings in PostgreSQL, as the meeting desk changes them; what a meeting shows is the read
 * model's ({@link MeetingModels}). Every method runs inside a tenant transaction.
 */
@Repository
class MeetingRepository {

  /** A meeting to create, checked. */
  record NewMeeting(
      UUID communityId,
      UUID id,
      @Nullable UUID seriesId,
      MeetingKind kind,
      String title,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      @Nullable UUID servicePostId,
      @Nullable String placeText,
      String convenerName,
      List<UUID> invitedBodyIds) {}

  /** A weekly series to create, checked. */
  record NewSeries(
      UUID communityId,
      UUID id,
      MeetingKind kind,
      String title,
      int weekday,
      LocalTime time,
      int durationMinutes,
      @Nullable UUID servicePostId,
      @Nullable String placeText,
      String convenerName,
      List<UUID> invitedBodyIds,
      LocalDate startsOn,
      @Nullable LocalDate endsOn) {}

  /** Inserts the meeting unless its series has one at that time already; true if inserted. */
  boolean insert(DSLContext dsl, NewMeeting meeting) {
    int inserted =
        dsl.insertInto(MEETING)
            .set(MEETING.COMMUNITY_ID, meeting.communityId())
            .set(MEETING.ID, meeting.id())
            .set(MEETING.SERIES_ID, meeting.seriesId())
            .set(MEETING.KIND, meeting.kind().name())
            .set(MEETING.TITLE, meeting.title())
            .set(MEETING.STARTS_AT, meeting.startsAt())
            .set(MEETING.ENDS_AT, meeting.endsAt())
            .set(MEETING.SERVICE_POST_ID, meeting.servicePostId())
            .set(MEETING.PLACE_TEXT, meeting.placeText())
            .set(MEETING.CONVENER_NAME, meeting.convenerName())
            .onConflictDoNothing()
            .execute();
    if (inserted == 0) {
      return false;
    }
    for (UUID body : meeting.invitedBodyIds()) {
      dsl.insertInto(MEETING_INVITATION)
          .set(MEETING_INVITATION.COMMUNITY_ID, meeting.communityId())
          .set(MEETING_INVITATION.MEETING_ID, meeting.id())
          .set(MEETING_INVITATION.BODY_ID, body)
          .execute();
    }
    return true;
  }

  void insertSeries(DSLContext dsl, NewSeries series) {
    dsl.insertInto(MEETING_SERIES)
        .set(MEETING_SERIES.COMMUNITY_ID, series.communityId())
        .set(MEETING_SERIES.ID, series.id())
        .set(MEETING_SERIES.KIND, series.kind().name())
        .set(MEETING_SERIES.TITLE, series.title())
        .set(MEETING_SERIES.WEEKDAY, (short) series.weekday())
        .set(MEETING_SERIES.STARTS_AT_TIME, series.time())
        .set(MEETING_SERIES.DURATION_MINUTES, series.durationMinutes())
        .set(MEETING_SERIES.SERVICE_POST_ID, series.servicePostId())
        .set(MEETING_SERIES.PLACE_TEXT, series.placeText())
        .set(MEETING_SERIES.CONVENER_NAME, series.convenerName())
        .set(MEETING_SERIES.INVITED_BODY_IDS, series.invitedBodyIds().toArray(UUID[]::new))
        .set(MEETING_SERIES.STARTS_ON, series.startsOn())
        .set(MEETING_SERIES.ENDS_ON, series.endsOn())
        .execute();
  }

  /** The community's series that still create meetings on or after {@code today}. */
  List<NewSeries> runningSeries(DSLContext dsl, UUID communityId, LocalDate today) {
    return dsl.selectFrom(MEETING_SERIES)
        .where(
            MEETING_SERIES.COMMUNITY_ID.eq(communityId),
            MEETING_SERIES.ENDS_ON.isNull().or(MEETING_SERIES.ENDS_ON.ge(today)))
        .fetch(
            r ->
                new NewSeries(
                    r.getCommunityId(),
                    r.getId(),
                    MeetingKind.valueOf(r.getKind()),
                    r.getTitle(),
                    r.getWeekday(),
                    r.getStartsAtTime(),
                    r.getDurationMinutes(),
                    r.getServicePostId(),
                    r.getPlaceText(),
                    r.getConvenerName(),
                    List.of(r.getInvitedBodyIds()),
                    r.getStartsOn(),
                    r.getEndsOn()));
  }

  /** Moves the meeting between statuses if it is still at {@code expectedVersion}. */
  boolean setStatus(
      DSLContext dsl,
      UUID communityId,
      UUID id,
      int expectedVersion,
      MeetingStatus from,
      MeetingStatus to) {
    return dsl.update(MEETING)
            .set(MEETING.STATUS, to.name())
            .set(MEETING.VERSION, MEETING.VERSION.plus(1))
            .set(MEETING.UPDATED_AT, DSL.currentOffsetDateTime())
            .where(
                MEETING.COMMUNITY_ID.eq(communityId),
                MEETING.ID.eq(id),
                MEETING.VERSION.eq(expectedVersion),
                MEETING.STATUS.eq(from.name()))
            .execute()
        == 1;
  }

  boolean setMinutes(
      DSLContext dsl,
      UUID communityId,
      UUID id,
      int expectedVersion,
      String minutes,
      @Nullable UUID noticeId) {
    var update =
        dsl.update(MEETING)
            .set(MEETING.MINUTES, minutes)
            .set(MEETING.VERSION, MEETING.VERSION.plus(1))
            .set(MEETING.UPDATED_AT, DSL.currentOffsetDateTime());
    if (noticeId != null) {
      update = update.set(MEETING.MINUTES_NOTICE_ID, noticeId);
    }
    return update
            .where(
                MEETING.COMMUNITY_ID.eq(communityId),
                MEETING.ID.eq(id),
                MEETING.VERSION.eq(expectedVersion))
            .execute()
        == 1;
  }

  /** Appends an agenda item; false when the matter is on this agenda already. */
  boolean addAgendaItem(
      DSLContext dsl,
      UUID communityId,
      UUID meetingId,
      UUID id,
      @Nullable UUID matterId,
      @Nullable String topic) {
    Field<Integer> next =
        DSL.field(
            DSL.select(DSL.coalesce(DSL.max(AGENDA_ITEM.POSITION), 0).plus(1))
                .from(AGENDA_ITEM)
                .where(
                    AGENDA_ITEM.COMMUNITY_ID.eq(communityId),
                    AGENDA_ITEM.MEETING_ID.eq(meetingId)));
    return dsl.insertInto(AGENDA_ITEM)
            .set(AGENDA_ITEM.COMMUNITY_ID, communityId)
            .set(AGENDA_ITEM.ID, id)
            .set(AGENDA_ITEM.MEETING_ID, meetingId)
            .set(AGENDA_ITEM.POSITION, next)
            .set(AGENDA_ITEM.MATTER_ID, matterId)
            .set(AGENDA_ITEM.TOPIC, topic)
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  Optional<MeetingState.AgendaItemState> agendaItem(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.select(
            AGENDA_ITEM.ID, AGENDA_ITEM.MEETING_ID, AGENDA_ITEM.MATTER_ID, AGENDA_ITEM.VERSION)
        .from(AGENDA_ITEM)
        .where(AGENDA_ITEM.COMMUNITY_ID.eq(communityId), AGENDA_ITEM.ID.eq(id))
        .fetchOptional(
            r -> new MeetingState.AgendaItemState(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  boolean decide(
      DSLContext dsl, UUID communityId, UUID itemId, int expectedVersion, String decision) {
    return dsl.update(AGENDA_ITEM)
            .set(AGENDA_ITEM.DECISION, decision)
            .set(AGENDA_ITEM.DECIDED_AT, DSL.currentOffsetDateTime())
            .set(AGENDA_ITEM.VERSION, AGENDA_ITEM.VERSION.plus(1))
            .set(AGENDA_ITEM.UPDATED_AT, DSL.currentOffsetDateTime())
            .where(
                AGENDA_ITEM.COMMUNITY_ID.eq(communityId),
                AGENDA_ITEM.ID.eq(itemId),
                AGENDA_ITEM.VERSION.eq(expectedVersion))
            .execute()
        == 1;
  }

  /** Marks one person for one body, replacing an earlier mark. */
  void mark(
      DSLContext dsl,
      UUID communityId,
      UUID meetingId,
      UUID bodyId,
      @Nullable UUID residentId,
      @Nullable UUID partyMemberId,
      AttendanceStatus status) {
    dsl.execute(
        "INSERT INTO rg.attendance (community_id, id, meeting_id, body_id, resident_id,"
            + " party_member_id, status) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (community_id, meeting_id, body_id,"
            + " (coalesce(resident_id, party_member_id)))"
            + " DO UPDATE SET status = excluded.status, recorded_at = now()",
        communityId,
        Ids.newId(),
        meetingId,
        bodyId,
        residentId,
        partyMemberId,
        status.name());
  }

  /** Whether the person sits on the body now (as a resident or as a party member). */
  boolean sitsOn(
      DSLContext dsl,
      UUID communityId,
      UUID bodyId,
      @Nullable UUID residentId,
      @Nullable UUID partyMemberId) {
    Condition person =
        residentId != null
            ? BODY_SEAT_CARD.RESIDENT_ID.eq(residentId)
            : BODY_SEAT_CARD.PARTY_MEMBER_ID.eq(partyMemberId);
    return dsl.fetchExists(
        BODY_SEAT_CARD,
        BODY_SEAT_CARD.COMMUNITY_ID.eq(communityId),
        BODY_SEAT_CARD.BODY_ID.eq(bodyId),
        person);
  }

  UUID addActionItem(
      DSLContext dsl,
      UUID communityId,
      UUID meetingId,
      @Nullable UUID agendaItemId,
      String description,
      String ownerKind,
      UUID ownerId,
      LocalDate dueOn) {
    UUID id = Ids.newId();
    dsl.insertInto(ACTION_ITEM)
        .set(ACTION_ITEM.COMMUNITY_ID, communityId)
        .set(ACTION_ITEM.ID, id)
        .set(ACTION_ITEM.MEETING_ID, meetingId)
        .set(ACTION_ITEM.AGENDA_ITEM_ID, agendaItemId)
        .set(ACTION_ITEM.DESCRIPTION, description)
        .set(ACTION_ITEM.OWNER_BODY_ID, ownerKind.equals("BODY") ? ownerId : null)
        .set(ACTION_ITEM.OWNER_RESIDENT_ID, ownerKind.equals("RESIDENT") ? ownerId : null)
        .set(ACTION_ITEM.OWNER_PARTY_MEMBER_ID, ownerKind.equals("PARTY_MEMBER") ? ownerId : null)
        .set(ACTION_ITEM.DUE_ON, dueOn)
        .execute();
    return id;
  }

  Optional<MeetingState.ActionItemState> actionItem(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.select(
            ACTION_ITEM.ID, ACTION_ITEM.MEETING_ID, ACTION_ITEM.DESCRIPTION, ACTION_ITEM.VERSION)
        .from(ACTION_ITEM)
        .where(ACTION_ITEM.COMMUNITY_ID.eq(communityId), ACTION_ITEM.ID.eq(id))
        .fetchOptional(
            r -> new MeetingState.ActionItemState(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  boolean setActionItemStatus(
      DSLContext dsl, UUID communityId, UUID id, int expectedVersion, ActionItemStatus status) {
    return dsl.update(ACTION_ITEM)
            .set(ACTION_ITEM.STATUS, status.name())
            .set(
                ACTION_ITEM.DONE_AT,
                status == ActionItemStatus.DONE ? DSL.currentOffsetDateTime() : null)
            .set(ACTION_ITEM.VERSION, ACTION_ITEM.VERSION.plus(1))
            .set(ACTION_ITEM.UPDATED_AT, DSL.currentOffsetDateTime())
            .where(
                ACTION_ITEM.COMMUNITY_ID.eq(communityId),
                ACTION_ITEM.ID.eq(id),
                ACTION_ITEM.VERSION.eq(expectedVersion))
            .execute()
        == 1;
  }

  // --- the published cards

  boolean bodiesExist(DSLContext dsl, UUID communityId, Collection<UUID> ids) {
    return ids.isEmpty()
        || dsl.fetchCount(BODY_CARD, BODY_CARD.COMMUNITY_ID.eq(communityId), BODY_CARD.ID.in(ids))
            == ids.size();
  }

  boolean servicePostExists(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.fetchExists(
        SERVICE_POST_CARD,
        SERVICE_POST_CARD.COMMUNITY_ID.eq(communityId),
        SERVICE_POST_CARD.ID.eq(id));
  }

  boolean ownerExists(DSLContext dsl, UUID communityId, String kind, UUID id) {
    return switch (kind) {
      case "BODY" ->
          dsl.fetchExists(BODY_CARD, BODY_CARD.COMMUNITY_ID.eq(communityId), BODY_CARD.ID.eq(id));
      case "RESIDENT" ->
          dsl.fetchExists(
              RESIDENT_CARD, RESIDENT_CARD.COMMUNITY_ID.eq(communityId), RESIDENT_CARD.ID.eq(id));
      case "PARTY_MEMBER" ->
          dsl.fetchExists(
              PARTY_MEMBER_CARD,
              PARTY_MEMBER_CARD.COMMUNITY_ID.eq(communityId),
              PARTY_MEMBER_CARD.ID.eq(id));
      default -> false;
    };
  }

  boolean matterExists(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.fetchExists(
        MATTER_CARD, MATTER_CARD.COMMUNITY_ID.eq(communityId), MATTER_CARD.ID.eq(id));
  }

  /**
   * The meeting's row as a {@code Write} takes it for a change written by statements of its own
   * (attendance, an agenda item): what the audit record and the event name.
   */
  static ResultQuery<? extends Record> row(UUID communityId, UUID id) {
    return DSL.select(MEETING.COMMUNITY_ID, MEETING.ID)
        .from(MEETING)
        .where(MEETING.COMMUNITY_ID.eq(communityId), MEETING.ID.eq(id));
  }

  // --- what the desk decides on

  Optional<MeetingState> state(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.select(
            MEETING.TITLE,
            MEETING.STATUS,
            MEETING.VERSION,
            MEETING.MINUTES,
            MEETING.MINUTES_NOTICE_ID)
        .from(MEETING)
        .where(MEETING.COMMUNITY_ID.eq(communityId), MEETING.ID.eq(id))
        .fetchOptional(
            r ->
                new MeetingState(
                    communityId,
                    id,
                    r.value1(),
                    MeetingStatus.valueOf(r.value2()),
                    r.value3(),
                    r.value4(),
                    r.value5()));
  }

  /** The agenda as residents read it ({@link MeetingModels#subjectForResidents}), in order. */
  List<MeetingState.MinutesLine> minutesLines(DSLContext dsl, UUID communityId, UUID meetingId) {
    return dsl.select(
            AGENDA_ITEM.POSITION,
            MeetingModels.subjectForResidents(AGENDA_ITEM),
            AGENDA_ITEM.DECISION)
        .from(AGENDA_ITEM)
        .where(AGENDA_ITEM.COMMUNITY_ID.eq(communityId), AGENDA_ITEM.MEETING_ID.eq(meetingId))
        .orderBy(AGENDA_ITEM.POSITION)
        .fetch(r -> new MeetingState.MinutesLine(r.value1(), r.value2(), r.value3()));
  }
}
