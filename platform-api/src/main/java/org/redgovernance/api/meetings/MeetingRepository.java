package org.redgovernance.api.meetings;

import static org.redgovernance.database.jooq.Tables.ACTION_ITEM;
import static org.redgovernance.database.jooq.Tables.AGENDA_ITEM;
import static org.redgovernance.database.jooq.Tables.ATTENDANCE;
import static org.redgovernance.database.jooq.Tables.BODY_CARD;
import static org.redgovernance.database.jooq.Tables.BODY_SEAT_CARD;
import static org.redgovernance.database.jooq.Tables.MATTER_CARD;
import static org.redgovernance.database.jooq.Tables.MEETING;
import static org.redgovernance.database.jooq.Tables.MEETING_INVITATION;
import static org.redgovernance.database.jooq.Tables.MEETING_SERIES;
import static org.redgovernance.database.jooq.Tables.PARTY_MEMBER_CARD;
import static org.redgovernance.database.jooq.Tables.RESIDENT_CARD;
import static org.redgovernance.database.jooq.Tables.SERVICE_POST_CARD;

import graphql.schema.SelectedField;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.PageRows;
import org.redgovernance.api.graphql.TimeCursor;
import org.redgovernance.api.meetings.Meeting.ActionItem;
import org.redgovernance.api.meetings.Meeting.AgendaItem;
import org.redgovernance.api.meetings.Meeting.AgendaMatter;
import org.redgovernance.api.meetings.Meeting.Attendance;
import org.redgovernance.api.meetings.Meeting.Body;
import org.redgovernance.api.meetings.Meeting.Owner;
import org.redgovernance.api.readmodel.JsonConnection;
import org.redgovernance.api.readmodel.JsonShape;
import org.redgovernance.api.readmodel.JsonSql;
import org.redgovernance.database.Ids;
import org.redgovernance.database.jooq.tables.BodyCard;
import org.redgovernance.database.jooq.tables.PartyMemberCard;
import org.redgovernance.database.jooq.tables.ResidentCard;
import org.springframework.stereotype.Repository;

/**
 * Meetings in PostgreSQL. A meeting is read whole in one statement: its invitations, agenda with
 * the matters' cards, attendance and action items come along as MULTISETs. Every method runs inside
 * a tenant transaction.
 */
@Repository
class MeetingRepository {

  private static final BodyCard OWNER_BODY = BODY_CARD.as("owner_body");
  private static final ResidentCard OWNER_RESIDENT = RESIDENT_CARD.as("owner_resident");
  private static final PartyMemberCard OWNER_MEMBER = PARTY_MEMBER_CARD.as("owner_member");

  record Filter(
      @Nullable OffsetDateTime from,
      @Nullable OffsetDateTime to,
      @Nullable List<MeetingKind> kinds,
      @Nullable List<MeetingStatus> statuses,
      boolean newestFirst) {}

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

  /** One page of meetings, with how many the filter matches in all when {@code counted}. */
  PageRows<Meeting> page(
      DSLContext dsl,
      UUID communityId,
      Filter filter,
      @Nullable TimeCursor after,
      int limit,
      boolean counted) {
    return PageRows.fetch(
        dsl,
        select(dsl)
            .where(pageConditions(communityId, filter))
            .and(seek(filter, after))
            .orderBy(pageOrder(filter))
            .limit(limit),
        counted ? count(communityId, filter) : null,
        MeetingRepository::toMeeting);
  }

  /**
   * The statement that writes the same page as {@link #page} ({@code size} meetings, {@code size +
   * 1} rows read) as the connection's JSON for the {@code connection} selection, each meeting as
   * {@code meeting} writes it; empty when something selected cannot be written in SQL.
   */
  Optional<Select<Record1<JSON>>> pageJson(
      UUID communityId,
      Filter filter,
      @Nullable TimeCursor after,
      int size,
      List<SelectedField> connection,
      JsonShape meeting) {
    List<SortField<?>> order = pageOrder(filter);
    return JsonConnection.select(
        connection,
        meeting.asObjectField(),
        JsonSql.timeCursorKey(MEETING.STARTS_AT, MEETING.ID),
        order,
        size,
        after != null,
        count(communityId, filter),
        columns ->
            DSL.select(columns)
                .from(MEETING)
                .where(pageConditions(communityId, filter))
                .and(seek(filter, after))
                .orderBy(order)
                .limit(size + 1));
  }

  /** How many meetings the filter matches: {@code totalCount}. */
  private static Select<Record1<Integer>> count(UUID communityId, Filter filter) {
    return DSL.selectCount().from(MEETING).where(pageConditions(communityId, filter));
  }

  private static List<Condition> pageConditions(UUID communityId, Filter filter) {
    List<Condition> where = new ArrayList<>();
    where.add(MEETING.COMMUNITY_ID.eq(communityId));
    if (filter.from() != null) {
      where.add(MEETING.STARTS_AT.ge(filter.from()));
    }
    if (filter.to() != null) {
      where.add(MEETING.STARTS_AT.lt(filter.to()));
    }
    if (filter.kinds() != null) {
      where.add(MEETING.KIND.in(filter.kinds().stream().map(Enum::name).toList()));
    }
    if (filter.statuses() != null) {
      where.add(MEETING.STATUS.in(filter.statuses().stream().map(Enum::name).toList()));
    }
    return where;
  }

  /** The meetings after the cursor, in the filter's order. */
  private static Condition seek(Filter filter, @Nullable TimeCursor after) {
    if (after == null) {
      return DSL.noCondition();
    }
    var key = DSL.row(MEETING.STARTS_AT, MEETING.ID);
    return filter.newestFirst() ? key.lt(after.at(), after.id()) : key.gt(after.at(), after.id());
  }

  private static List<SortField<?>> pageOrder(Filter filter) {
    return filter.newestFirst()
        ? List.of(MEETING.STARTS_AT.desc(), MEETING.ID.desc())
        : List.of(MEETING.STARTS_AT.asc(), MEETING.ID.asc());
  }

  /** The meeting an agenda item belongs to. */
  Optional<UUID> meetingOfAgendaItem(DSLContext dsl, UUID communityId, UUID agendaItemId) {
    return dsl.select(AGENDA_ITEM.MEETING_ID)
        .from(AGENDA_ITEM)
        .where(AGENDA_ITEM.COMMUNITY_ID.eq(communityId), AGENDA_ITEM.ID.eq(agendaItemId))
        .fetchOptional(AGENDA_ITEM.MEETING_ID);
  }

  Optional<Meeting> find(DSLContext dsl, UUID communityId, UUID id) {
    return select(dsl)
        .where(MEETING.COMMUNITY_ID.eq(communityId), MEETING.ID.eq(id))
        .fetchOptional(MeetingRepository::toMeeting);
  }

  /**
   * The statement writing the meeting as {@code shape} for this selection, or empty when something
   * selected cannot be written by PostgreSQL.
   */
  Optional<Select<Record1<JSON>>> findJson(
      UUID communityId, UUID id, JsonShape shape, List<SelectedField> selection) {
    return shape
        .render(selection)
        .map(
            meeting ->
                DSL.select(meeting)
                    .from(MEETING)
                    .where(MEETING.COMMUNITY_ID.eq(communityId), MEETING.ID.eq(id)));
  }

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

  Optional<AgendaItem> agendaItem(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.select(agendaFields())
        .from(AGENDA)
        .where(AGENDA_ITEM.COMMUNITY_ID.eq(communityId), AGENDA_ITEM.ID.eq(id))
        .fetchOptional(MeetingRepository::toAgendaItem);
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

  /** The meeting an action item belongs to, if the item exists. */
  Optional<UUID> meetingOfActionItem(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.select(ACTION_ITEM.MEETING_ID)
        .from(ACTION_ITEM)
        .where(ACTION_ITEM.COMMUNITY_ID.eq(communityId), ACTION_ITEM.ID.eq(id))
        .fetchOptional(ACTION_ITEM.MEETING_ID);
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

  // --- where a meeting's parts are read from, with the cards that name them, and which rows belong
  // to the meeting of the surrounding statement: the same for the meeting read whole (below) and
  // the meeting PostgreSQL writes (MeetingJson)

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

  /** Action items, with the body, resident or party member that owns each. */
  static final Table<?> ACTION_ITEMS_WITH_OWNERS =
      ACTION_ITEM
          .leftJoin(OWNER_BODY)
          .on(
              OWNER_BODY.COMMUNITY_ID.eq(ACTION_ITEM.COMMUNITY_ID),
              OWNER_BODY.ID.eq(ACTION_ITEM.OWNER_BODY_ID))
          .leftJoin(OWNER_RESIDENT)
          .on(
              OWNER_RESIDENT.COMMUNITY_ID.eq(ACTION_ITEM.COMMUNITY_ID),
              OWNER_RESIDENT.ID.eq(ACTION_ITEM.OWNER_RESIDENT_ID))
          .leftJoin(OWNER_MEMBER)
          .on(
              OWNER_MEMBER.COMMUNITY_ID.eq(ACTION_ITEM.COMMUNITY_ID),
              OWNER_MEMBER.ID.eq(ACTION_ITEM.OWNER_PARTY_MEMBER_ID));

  static final Field<String> ACTION_ITEM_OWNER_NAME =
      DSL.coalesce(OWNER_BODY.NAME, OWNER_RESIDENT.NAME, OWNER_MEMBER.NAME);

  static final Condition ACTION_ITEMS_OF_THE_MEETING =
      DSL.and(
          ACTION_ITEM.COMMUNITY_ID.eq(MEETING.COMMUNITY_ID), ACTION_ITEM.MEETING_ID.eq(MEETING.ID));

  /** In the order they were decided. */
  static final List<SortField<?>> ACTION_ITEMS_ORDER =
      List.of(ACTION_ITEM.CREATED_AT.asc(), ACTION_ITEM.ID.asc());

  // --- the one statement that reads meetings

  private static org.jooq.SelectOnConditionStep<Record> select(DSLContext dsl) {
    Field<List<Body>> invited =
        DSL.multiset(
                DSL.select(BODY_CARD.ID, BODY_CARD.KIND, BODY_CARD.NAME)
                    .from(INVITATIONS)
                    .where(INVITATIONS_OF_THE_MEETING)
                    .orderBy(BODY_CARD.KIND))
            .as("invited")
            .convertFrom(r -> r.map(b -> new Body(b.value1(), b.value2(), b.value3())));
    Field<List<AgendaItem>> agenda =
        DSL.multiset(
                DSL.select(agendaFields())
                    .from(AGENDA)
                    .where(AGENDA_OF_THE_MEETING)
                    .orderBy(AGENDA_ITEM.POSITION))
            .as("agenda")
            .convertFrom(r -> r.map(MeetingRepository::toAgendaItem));
    Field<List<Attendance>> attendance =
        DSL.multiset(
                DSL.select(
                        ATTENDANCE.BODY_ID,
                        BODY_CARD.KIND,
                        BODY_CARD.NAME,
                        ATTENDANCE.RESIDENT_ID,
                        ATTENDANCE.PARTY_MEMBER_ID,
                        DSL.coalesce(RESIDENT_CARD.NAME, PARTY_MEMBER_CARD.NAME),
                        ATTENDANCE.STATUS)
                    .from(ATTENDANCE_WITH_NAMES)
                    .where(ATTENDANCE_OF_THE_MEETING)
                    .orderBy(ATTENDANCE.RECORDED_AT, ATTENDANCE.ID))
            .as("attendance")
            .convertFrom(
                r ->
                    r.map(
                        a ->
                            new Attendance(
                                new Body(a.value1(), a.value2(), a.value3()),
                                a.value4(),
                                a.value5(),
                                a.value6(),
                                AttendanceStatus.valueOf(a.value7()))));
    Field<List<ActionItem>> actions =
        DSL.multiset(
                DSL.select(
                        ACTION_ITEM.COMMUNITY_ID,
                        ACTION_ITEM.ID,
                        ACTION_ITEM.MEETING_ID,
                        ACTION_ITEM.AGENDA_ITEM_ID,
                        ACTION_ITEM.DESCRIPTION,
                        ACTION_ITEM.OWNER_BODY_ID,
                        ACTION_ITEM.OWNER_RESIDENT_ID,
                        ACTION_ITEM.OWNER_PARTY_MEMBER_ID,
                        ACTION_ITEM_OWNER_NAME,
                        ACTION_ITEM.DUE_ON,
                        ACTION_ITEM.STATUS,
                        ACTION_ITEM.DONE_AT,
                        ACTION_ITEM.VERSION)
                    .from(ACTION_ITEMS_WITH_OWNERS)
                    .where(ACTION_ITEMS_OF_THE_MEETING)
                    .orderBy(ACTION_ITEMS_ORDER))
            .as("actions")
            .convertFrom(
                r ->
                    r.map(
                        a ->
                            new ActionItem(
                                a.value1(),
                                a.value2(),
                                a.value3(),
                                a.value4(),
                                a.value5(),
                                new Owner(
                                    a.value6() != null
                                        ? "BODY"
                                        : a.value7() != null ? "RESIDENT" : "PARTY_MEMBER",
                                    a.value6() != null
                                        ? a.value6()
                                        : a.value7() != null ? a.value7() : a.value8(),
                                    a.value9()),
                                a.value10(),
                                ActionItemStatus.valueOf(a.value11()),
                                a.value12(),
                                a.value13())));
    List<org.jooq.SelectField<?>> fields = new ArrayList<>(List.of(MEETING.fields()));
    fields.addAll(List.of(SERVICE_POST_CARD.NAME, invited, agenda, attendance, actions));
    return dsl.select(fields)
        .from(MEETING)
        .leftJoin(SERVICE_POST_CARD)
        .on(
            SERVICE_POST_CARD.COMMUNITY_ID.eq(MEETING.COMMUNITY_ID),
            SERVICE_POST_CARD.ID.eq(MEETING.SERVICE_POST_ID));
  }

  private static List<Field<?>> agendaFields() {
    return List.of(
        AGENDA_ITEM.COMMUNITY_ID,
        AGENDA_ITEM.ID,
        AGENDA_ITEM.MEETING_ID,
        AGENDA_ITEM.POSITION,
        MATTER_CARD.ID,
        MATTER_CARD.TITLE,
        MATTER_CARD.STATUS,
        MATTER_CARD.CATEGORY,
        MATTER_CARD.PUBLIC,
        MATTER_CARD.REPORTER_NAME,
        AGENDA_ITEM.TOPIC,
        AGENDA_ITEM.DECISION,
        AGENDA_ITEM.DECIDED_AT,
        AGENDA_ITEM.VERSION);
  }

  private static AgendaItem toAgendaItem(Record r) {
    UUID matter = r.get(MATTER_CARD.ID);
    return new AgendaItem(
        r.get(AGENDA_ITEM.COMMUNITY_ID),
        r.get(AGENDA_ITEM.ID),
        r.get(AGENDA_ITEM.MEETING_ID),
        r.get(AGENDA_ITEM.POSITION),
        matter == null
            ? null
            : new AgendaMatter(
                r.get(AGENDA_ITEM.COMMUNITY_ID),
                matter,
                r.get(MATTER_CARD.TITLE),
                r.get(MATTER_CARD.STATUS),
                r.get(MATTER_CARD.CATEGORY),
                Boolean.TRUE.equals(r.get(MATTER_CARD.PUBLIC)),
                r.get(MATTER_CARD.REPORTER_NAME)),
        r.get(AGENDA_ITEM.TOPIC),
        r.get(AGENDA_ITEM.DECISION),
        r.get(AGENDA_ITEM.DECIDED_AT),
        r.get(AGENDA_ITEM.VERSION));
  }

  @SuppressWarnings("unchecked")
  private static Meeting toMeeting(Record r) {
    return new Meeting(
        r.get(MEETING.COMMUNITY_ID),
        r.get(MEETING.ID),
        r.get(MEETING.SERIES_ID),
        MeetingKind.valueOf(r.get(MEETING.KIND)),
        r.get(MEETING.TITLE),
        r.get(MEETING.STARTS_AT),
        r.get(MEETING.ENDS_AT),
        r.get(MEETING.SERVICE_POST_ID),
        r.get(SERVICE_POST_CARD.NAME),
        r.get(MEETING.PLACE_TEXT),
        r.get(MEETING.CONVENER_NAME),
        MeetingStatus.valueOf(r.get(MEETING.STATUS)),
        r.get(MEETING.MINUTES),
        r.get(MEETING.MINUTES_NOTICE_ID),
        (List<Body>) r.get("invited"),
        (List<AgendaItem>) r.get("agenda"),
        (List<Attendance>) r.get("attendance"),
        (List<ActionItem>) r.get("actions"),
        r.get(MEETING.VERSION),
        r.get(MEETING.CREATED_AT),
        r.get(MEETING.UPDATED_AT));
  }
}
