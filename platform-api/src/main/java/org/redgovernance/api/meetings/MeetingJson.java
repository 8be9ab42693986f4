package org.redgovernance.api.meetings;

import static org.redgovernance.database.jooq.Tables.ACTION_ITEM;
import static org.redgovernance.database.jooq.Tables.AGENDA_ITEM;
import static org.redgovernance.database.jooq.Tables.ATTENDANCE;
import static org.redgovernance.database.jooq.Tables.BODY_CARD;
import static org.redgovernance.database.jooq.Tables.MATTER_CARD;
import static org.redgovernance.database.jooq.Tables.MEETING;
import static org.redgovernance.database.jooq.Tables.MEETING_INVITATION;
import static org.redgovernance.database.jooq.Tables.PARTY_MEMBER_CARD;
import static org.redgovernance.database.jooq.Tables.RESIDENT_CARD;
import static org.redgovernance.database.jooq.Tables.SERVICE_POST_CARD;

import java.time.LocalDate;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.OrderField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.redgovernance.api.readmodel.JsonShape;
import org.redgovernance.api.readmodel.JsonSql;
import org.redgovernance.api.readmodel.JsonText;
import org.redgovernance.api.readmodel.Renderings;

/**
 * {@code Meeting} as PostgreSQL writes it, one shape for staff and oversight and one for residents
 * ({@link MeetingRules#seesDetail}): the same values {@link MeetingController} gives field by field
 * from {@link Meeting} and {@link Meeting#forResidents}. Action items are not here (whether one is
 * overdue depends on the day): a selection with them is resolved field by field.
 */
final class MeetingJson {

  private MeetingJson() {}

  private static final String RESIDENTS_MATTER_TOPIC = "居民反映事项";

  /** What the shapes rendered for each selection: a meeting's SQL binds nothing of the request. */
  private static final Renderings STAFF_RENDERINGS = new Renderings();

  private static final Renderings RESIDENT_RENDERINGS = new Renderings();

  /** How many selections of the two shapes are kept rendered. */
  static int remembered() {
    return STAFF_RENDERINGS.size() + RESIDENT_RENDERINGS.size();
  }

  private static JsonShape meeting(boolean detail) {
    return JsonShape.builder()
        .typeName(Meeting.TYPE)
        .remembered(detail ? STAFF_RENDERINGS : RESIDENT_RENDERINGS)
        .value("id", JsonSql.globalId(Meeting.TYPE, MEETING.COMMUNITY_ID, MEETING.ID))
        .value("kind", MEETING.KIND)
        .value("title", MEETING.TITLE)
        .dateTime("startsAt", MEETING.STARTS_AT)
        .dateTime("endsAt", MEETING.ENDS_AT)
        .object("place", PLACE)
        .value("convenerName", MEETING.CONVENER_NAME)
        .value("status", MEETING.STATUS)
        .list("invitedBodies", BODY, MeetingJson::invitedBodies)
        .list(
            "agenda",
            detail ? AGENDA_ITEM_FOR_STAFF : AGENDA_ITEM_FOR_RESIDENTS,
            MeetingJson::agenda)
        .list(
            "attendance",
            ATTENDANCE_ENTRY,
            entry -> detail ? attendance(entry) : JsonText.EMPTY_ARRAY)
        .list("attendanceByBody", BODY_ATTENDANCE, MeetingJson::attendanceByBody)
        .list("actionItems", ACTION_ITEM_SHAPE, MeetingJson::actionItems)
        .value("minutes", MEETING.MINUTES)
        .value("minutesPublished", MEETING.MINUTES_NOTICE_ID.isNotNull())
        .value("version", MEETING.VERSION)
        .build();
  }

  // --- where

  private static final JsonShape PLACE =
      JsonShape.builder()
          .value(
              "servicePostId",
              DSL.when(
                  MEETING.SERVICE_POST_ID.isNotNull(),
                  JsonSql.globalId("ServicePost", MEETING.COMMUNITY_ID, MEETING.SERVICE_POST_ID)))
          .value(
              "servicePostName",
              DSL.field(
                  DSL.select(SERVICE_POST_CARD.NAME)
                      .from(SERVICE_POST_CARD)
                      .where(
                          SERVICE_POST_CARD.COMMUNITY_ID.eq(MEETING.COMMUNITY_ID),
                          SERVICE_POST_CARD.ID.eq(MEETING.SERVICE_POST_ID))))
          .value("text", MEETING.PLACE_TEXT)
          .build();

  // --- who is invited

  private static final Field<JSON> BODY_ID =
      JsonSql.globalId("GovernanceBody", MEETING.COMMUNITY_ID, BODY_CARD.ID);

  private static final JsonShape BODY =
      JsonShape.builder()
          .value("bodyId", BODY_ID)
          .value("id", BODY_ID)
          .value("kind", BODY_CARD.KIND)
          .value("name", BODY_CARD.NAME)
          .build();

  private static Field<JSON> invitedBodies(Field<JSON> body) {
    return DSL.field(
        DSL.select(JsonShape.array(body, BODY_CARD.KIND))
            .from(MeetingRepository.INVITATIONS)
            .where(MeetingRepository.INVITATIONS_OF_THE_MEETING));
  }

  // --- the agenda

  private static final Condition HEARS_A_MATTER = MATTER_CARD.ID.isNotNull();

  private static JsonShape agendaMatter(boolean detail) {
    Field<JSON> matterId = JsonSql.globalId("Matter", AGENDA_ITEM.COMMUNITY_ID, MATTER_CARD.ID);
    return JsonShape.builder()
        .value("matterId", matterId)
        .value("id", matterId)
        .value("title", MATTER_CARD.TITLE)
        .value("status", MATTER_CARD.STATUS)
        .value("category", MATTER_CARD.CATEGORY)
        .value("reporterName", detail ? MATTER_CARD.REPORTER_NAME : DSL.inline(null, String.class))
        .build();
  }

  private static final JsonShape AGENDA_ITEM_FOR_STAFF =
      agendaItem(HEARS_A_MATTER, agendaMatter(true), AGENDA_ITEM.TOPIC);

  /** A matter that is not public is heard as "a matter residents raised", without the matter. */
  private static final JsonShape AGENDA_ITEM_FOR_RESIDENTS =
      agendaItem(
          HEARS_A_MATTER.and(MATTER_CARD.PUBLIC.eq(DSL.inline(true))),
          agendaMatter(false),
          DSL.when(
                  HEARS_A_MATTER.and(MATTER_CARD.PUBLIC.isDistinctFrom(DSL.inline(true))),
                  DSL.inline(RESIDENTS_MATTER_TOPIC))
              .otherwise(AGENDA_ITEM.TOPIC));

  private static JsonShape agendaItem(
      Condition matterShown, JsonShape matter, Field<String> topic) {
    return JsonShape.builder()
        .value(
            "id",
            JsonSql.globalId(Meeting.AGENDA_ITEM_TYPE, AGENDA_ITEM.COMMUNITY_ID, AGENDA_ITEM.ID))
        .value("position", AGENDA_ITEM.POSITION)
        .object("matter", matterShown, matter)
        .value("topic", topic)
        .value("decision", AGENDA_ITEM.DECISION)
        .dateTime("decidedAt", AGENDA_ITEM.DECIDED_AT)
        .value("version", AGENDA_ITEM.VERSION)
        .build();
  }

  private static Field<JSON> agenda(Field<JSON> item) {
    return DSL.field(
        DSL.select(JsonShape.array(item, AGENDA_ITEM.POSITION))
            .from(MeetingRepository.AGENDA)
            .where(MeetingRepository.AGENDA_OF_THE_MEETING));
  }

  // --- who came

  private static final JsonShape ATTENDANCE_ENTRY =
      JsonShape.builder()
          .value(
              "bodyId",
              JsonSql.globalId("GovernanceBody", MEETING.COMMUNITY_ID, ATTENDANCE.BODY_ID))
          .value(
              "personId",
              DSL.when(
                      ATTENDANCE.RESIDENT_ID.isNotNull(),
                      JsonSql.globalId("Resident", MEETING.COMMUNITY_ID, ATTENDANCE.RESIDENT_ID))
                  .otherwise(
                      JsonSql.globalId(
                          "PartyMember", MEETING.COMMUNITY_ID, ATTENDANCE.PARTY_MEMBER_ID)))
          .value("name", DSL.coalesce(RESIDENT_CARD.NAME, PARTY_MEMBER_CARD.NAME))
          .value("status", ATTENDANCE.STATUS)
          .build();

  private static Field<JSON> attendance(Field<JSON> entry) {
    return DSL.field(
        DSL.select(JsonShape.array(entry, ATTENDANCE.RECORDED_AT, ATTENDANCE.ID))
            .from(MeetingRepository.ATTENDANCE_WITH_NAMES)
            .where(MeetingRepository.ATTENDANCE_OF_THE_MEETING));
  }

  // --- what the meeting decided to do, and who does it

  private static final Field<JSON> ACTION_ITEM_OWNER_ID =
      DSL.when(
              ACTION_ITEM.OWNER_BODY_ID.isNotNull(),
              JsonSql.globalId("GovernanceBody", MEETING.COMMUNITY_ID, ACTION_ITEM.OWNER_BODY_ID))
          .when(
              ACTION_ITEM.OWNER_RESIDENT_ID.isNotNull(),
              JsonSql.globalId("Resident", MEETING.COMMUNITY_ID, ACTION_ITEM.OWNER_RESIDENT_ID))
          .otherwise(
              JsonSql.globalId(
                  "PartyMember", MEETING.COMMUNITY_ID, ACTION_ITEM.OWNER_PARTY_MEMBER_ID));

  private static final JsonShape ACTION_ITEM_OWNER =
      JsonShape.builder()
          .value(
              "kind",
              DSL.when(ACTION_ITEM.OWNER_BODY_ID.isNotNull(), DSL.inline("BODY"))
                  .when(ACTION_ITEM.OWNER_RESIDENT_ID.isNotNull(), DSL.inline("RESIDENT"))
                  .otherwise(DSL.inline("PARTY_MEMBER")))
          .value("ownerId", ACTION_ITEM_OWNER_ID)
          .value("id", ACTION_ITEM_OWNER_ID)
          .value("name", MeetingRepository.ACTION_ITEM_OWNER_NAME)
          .build();

  /**
   * Today where the meetings are held, as {@code overdue} reads it in Java; written as SQL, not
   * bound, so that a selection with {@code overdue} is kept rendered like any other.
   */
  private static final Field<LocalDate> TODAY =
      DSL.field(
          "(current_timestamp AT TIME ZONE {0})::date",
          LocalDate.class, DSL.inline(MeetingPlanner.ZONE.getId()));

  private static final JsonShape ACTION_ITEM_SHAPE =
      JsonShape.builder()
          .value(
              "id",
              JsonSql.globalId(Meeting.ACTION_ITEM_TYPE, MEETING.COMMUNITY_ID, ACTION_ITEM.ID))
          .value("description", ACTION_ITEM.DESCRIPTION)
          .object("owner", ACTION_ITEM_OWNER)
          .date("dueOn", ACTION_ITEM.DUE_ON)
          .value("status", ACTION_ITEM.STATUS)
          .value(
              "overdue",
              DSL.field(
                  ACTION_ITEM
                      .STATUS
                      .eq(DSL.inline(ActionItemStatus.OPEN.name()))
                      .and(ACTION_ITEM.DUE_ON.lt(TODAY))))
          .dateTime("doneAt", ACTION_ITEM.DONE_AT)
          .value("version", ACTION_ITEM.VERSION)
          .build();

  private static Field<JSON> actionItems(Field<JSON> item) {
    return DSL.field(
        DSL.select(
                JsonShape.array(
                    item, MeetingRepository.ACTION_ITEMS_ORDER.toArray(OrderField[]::new)))
            .from(MeetingRepository.ACTION_ITEMS_WITH_OWNERS)
            .where(MeetingRepository.ACTION_ITEMS_OF_THE_MEETING));
  }

  // --- attendance by body: one row per body of the community, with its marks counted

  private static final Table<?> MARKS =
      DSL.select(
              ATTENDANCE.BODY_ID,
              ATTENDANCE.STATUS,
              DSL.rowNumber().over(DSL.orderBy(ATTENDANCE.RECORDED_AT, ATTENDANCE.ID)).as("seen"))
          .from(ATTENDANCE)
          .where(MeetingRepository.ATTENDANCE_OF_THE_MEETING)
          .asTable("marks");

  private static final Field<UUID> MARKED_BODY = MARKS.field(ATTENDANCE.BODY_ID);
  private static final Field<String> MARK = MARKS.field(ATTENDANCE.STATUS);

  private static Field<Integer> counted(AttendanceStatus status) {
    return DSL.count().filterWhere(MARK.eq(DSL.inline(status.name())));
  }

  private static final Field<Integer> PRESENT = counted(AttendanceStatus.PRESENT);
  private static final Field<Integer> ABSENT = counted(AttendanceStatus.ABSENT);
  private static final Field<Integer> EXCUSED = counted(AttendanceStatus.EXCUSED);
  private static final Field<Integer> MARKED = DSL.count(MARKED_BODY);

  private static final Field<Boolean> INVITED =
      DSL.field(
          DSL.exists(
              DSL.selectOne()
                  .from(MEETING_INVITATION)
                  .where(
                      MeetingRepository.INVITATIONS_OF_THE_MEETING,
                      MEETING_INVITATION.BODY_ID.eq(BODY_CARD.ID))));

  /**
   * {@link Meeting.BodyAttendance#rate} as Java writes the Double: 1.0 and 0.0 with their point
   * (PostgreSQL writes a whole float8 without it), other quotients in the shortest form that reads
   * back to the same double, as both do.
   */
  private static final Field<JSON> RATE =
      DSL.when(MARKED.eq(DSL.inline(0)), JsonText.NULL)
          .when(PRESENT.eq(MARKED), JsonText.literal("1.0"))
          .when(PRESENT.eq(DSL.inline(0)), JsonText.literal("0.0"))
          .otherwise(JsonText.of(DSL.field("{0}::float8 / {1}", Double.class, PRESENT, MARKED)));

  private static final JsonShape BODY_ATTENDANCE =
      JsonShape.builder()
          .object("body", BODY)
          .value("present", PRESENT)
          .value("absent", ABSENT)
          .value("excused", EXCUSED)
          .value("rate", RATE)
          .build();

  /**
   * As {@link Meeting#attendanceByBody}: the invited bodies by kind, then any other body someone
   * was marked for, by its first mark. The element is an aggregate over the body's marks, so the
   * rows are grouped per body first and the array built over the groups.
   */
  private static Field<JSON> attendanceByBody(Field<JSON> tally) {
    Table<?> tallies =
        DSL.select(
                tally.as("tally"),
                INVITED.as("invited"),
                BODY_CARD.KIND,
                DSL.min(MARKS.field("seen", Long.class)).as("first_seen"))
            .from(BODY_CARD)
            .leftJoin(MARKS)
            .on(MARKED_BODY.eq(BODY_CARD.ID))
            .where(BODY_CARD.COMMUNITY_ID.eq(MEETING.COMMUNITY_ID))
            .groupBy(BODY_CARD.COMMUNITY_ID, BODY_CARD.ID, BODY_CARD.KIND, BODY_CARD.NAME)
            .having(DSL.condition(INVITED).or(MARKED.gt(DSL.inline(0))))
            .asTable("tallies");
    Field<Boolean> invited = tallies.field("invited", Boolean.class);
    return DSL.field(
        DSL.select(
                JsonShape.array(
                    tallies.field("tally", SQLDataType.JSON),
                    invited.desc(),
                    DSL.when(invited, tallies.field(BODY_CARD.KIND)),
                    tallies.field("first_seen", Long.class)))
            .from(tallies));
  }

  // --- the two shapes, built last: they use every part above

  /** The meeting for staff and oversight: who came, and who raised the matters it heard. */
  static final JsonShape FOR_STAFF = meeting(true);

  /** The meeting for residents: attendance by body only, private matters as a bare topic. */
  static final JsonShape FOR_RESIDENTS = meeting(false);
}
