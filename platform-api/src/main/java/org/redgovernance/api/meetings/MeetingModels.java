package org.redgovernance.api.meetings;

import static org.redgovernance.database.jooq.Tables.ACTION_ITEM;
import static org.redgovernance.database.jooq.Tables.AGENDA_ITEM;
import static org.redgovernance.database.jooq.Tables.ATTENDANCE;
import static org.redgovernance.database.jooq.Tables.BODY_CARD;
import static org.redgovernance.database.jooq.Tables.MATTER_CARD;
import static org.redgovernance.database.jooq.Tables.MEETING;
import static org.redgovernance.database.jooq.Tables.MEETING_INVITATION;
import static org.redgovernance.database.jooq.Tables.SERVICE_POST_CARD;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Record5;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.redgovernance.api.communities.CommunityModels;
import org.redgovernance.api.graphql.FilterValues;
import org.redgovernance.api.readmodel.Arguments;
import org.redgovernance.api.readmodel.InCommunities;
import org.redgovernance.api.readmodel.JsonSql;
import org.redgovernance.api.readmodel.Keyset;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.roster.RosterModels;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.database.jooq.tables.ActionItem;
import org.redgovernance.database.jooq.tables.AgendaItem;
import org.redgovernance.database.jooq.tables.Attendance;
import org.redgovernance.database.jooq.tables.BodyCard;
import org.redgovernance.database.jooq.tables.Community;
import org.redgovernance.database.jooq.tables.MatterCard;
import org.redgovernance.database.jooq.tables.Meeting;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code Meeting} and its parts as the read model declares them, and {@code Community.meetings}.
 * Everyone of the community reads its meetings; per-person attendance and who raised the matters on
 * an agenda only staff and oversight ({@link MeetingRules#seesDetail}), and to the others a matter
 * that is not public is heard as "a matter residents raised" ({@link #subjectForResidents}).
 */
@Configuration(proxyBeanMethods = false)
class MeetingModels {

  static final ModelRef<Meeting> MEETINGS = new ModelRef<>(MeetingTypes.MEETING, MEETING::as);
  static final ModelRef<Meeting> PLACES = new ModelRef<>("MeetingPlace", MEETING::as);
  static final ModelRef<BodyCard> BODIES = new ModelRef<>("MeetingBody", BODY_CARD::as);
  static final ModelRef<AgendaItem> AGENDA_ITEMS =
      new ModelRef<>(MeetingTypes.AGENDA_ITEM, AGENDA_ITEM::as);
  static final ModelRef<MatterCard> AGENDA_MATTERS =
      new ModelRef<>("AgendaMatter", MATTER_CARD::as);
  static final ModelRef<Attendance> MARKS = new ModelRef<>("MeetingAttendance", ATTENDANCE::as);
  static final ModelRef<Table<Record5<UUID, UUID, UUID, String, Boolean>>> TALLIES =
      new ModelRef<>("BodyAttendance", MeetingModels::bodiesOfMeetings);
  static final ModelRef<ActionItem> ACTION_ITEMS =
      new ModelRef<>(MeetingTypes.ACTION_ITEM, ACTION_ITEM::as);
  static final ModelRef<ActionItem> OWNERS = new ModelRef<>("ActionItemOwner", ACTION_ITEM::as);

  /** What residents hear of an agenda item for a matter that is not public. */
  static final String RESIDENTS_MATTER_TOPIC = "居民反映事项";

  private static final String BODY = "GovernanceBody";

  @Bean
  ObjectModel<Meeting> meetingModel() {
    return ObjectModel.of(MEETINGS)
        .rows((meeting, request) -> InCommunities.inScope(meeting.COMMUNITY_ID, request.scope()))
        .id(meeting -> meeting.COMMUNITY_ID, meeting -> meeting.ID)
        .value("kind", meeting -> meeting.KIND)
        .value("title", meeting -> meeting.TITLE)
        .dateTime("startsAt", meeting -> meeting.STARTS_AT)
        .dateTime("endsAt", meeting -> meeting.ENDS_AT)
        .part("place", PLACES, (meeting, request) -> DSL.trueCondition())
        .value("convenerName", meeting -> meeting.CONVENER_NAME)
        .value("status", meeting -> meeting.STATUS)
        .list(
            "invitedBodies",
            BODIES,
            (meeting, body) ->
                body.COMMUNITY_ID
                    .eq(meeting.COMMUNITY_ID)
                    .and(invited(meeting.COMMUNITY_ID, meeting.ID, body.ID)),
            body -> List.of(body.KIND, body.ID))
        .list(
            "agenda",
            AGENDA_ITEMS,
            (meeting, item) ->
                item.COMMUNITY_ID.eq(meeting.COMMUNITY_ID).and(item.MEETING_ID.eq(meeting.ID)),
            item -> List.of(item.POSITION))
        .list(
            "attendance",
            MARKS,
            (meeting, mark) ->
                mark.COMMUNITY_ID.eq(meeting.COMMUNITY_ID).and(mark.MEETING_ID.eq(meeting.ID)),
            mark -> List.of(mark.RECORDED_AT, mark.ID))
        .list(
            "attendanceByBody",
            TALLIES,
            (meeting, tally) ->
                tally
                    .field("community_id", UUID.class)
                    .eq(meeting.COMMUNITY_ID)
                    .and(tally.field("meeting_id", UUID.class).eq(meeting.ID)),
            MeetingModels::tallyOrder)
        .value("minutes", meeting -> meeting.MINUTES)
        .value("minutesPublished", meeting -> DSL.field(meeting.MINUTES_NOTICE_ID.isNotNull()))
        .list(
            "actionItems",
            ACTION_ITEMS,
            (meeting, item) ->
                item.COMMUNITY_ID.eq(meeting.COMMUNITY_ID).and(item.MEETING_ID.eq(meeting.ID)),
            item -> List.of(item.CREATED_AT, item.ID))
        .value("version", meeting -> meeting.VERSION)
        .build();
  }

  @Bean
  ObjectModel<Meeting> meetingPlaceModel() {
    return ObjectModel.of(PLACES)
        .value(
            "servicePostId",
            meeting ->
                JsonSql.globalId("ServicePost", meeting.COMMUNITY_ID, meeting.SERVICE_POST_ID))
        .value(
            "servicePostName",
            meeting ->
                DSL.field(
                    DSL.select(SERVICE_POST_CARD.NAME)
                        .from(SERVICE_POST_CARD)
                        .where(
                            SERVICE_POST_CARD.COMMUNITY_ID.eq(meeting.COMMUNITY_ID),
                            SERVICE_POST_CARD.ID.eq(meeting.SERVICE_POST_ID))))
        .value("text", meeting -> meeting.PLACE_TEXT)
        .build();
  }

  @Bean
  ObjectModel<BodyCard> meetingBodyModel() {
    return ObjectModel.of(BODIES)
        .value("bodyId", body -> JsonSql.globalId(BODY, body.COMMUNITY_ID, body.ID))
        .value("id", body -> JsonSql.globalId(BODY, body.COMMUNITY_ID, body.ID))
        .value("kind", body -> body.KIND)
        .value("name", body -> body.NAME)
        .build();
  }

  @Bean
  ObjectModel<AgendaItem> agendaItemModel() {
    return ObjectModel.of(AGENDA_ITEMS)
        .rows((item, request) -> InCommunities.inScope(item.COMMUNITY_ID, request.scope()))
        .id(item -> item.COMMUNITY_ID, item -> item.ID)
        .value("position", item -> item.POSITION)
        .object(
            "matter",
            AGENDA_MATTERS,
            (item, matter, request) ->
                matter
                    .COMMUNITY_ID
                    .eq(item.COMMUNITY_ID)
                    .and(matter.ID.eq(item.MATTER_ID))
                    .and(seesDetail(item.COMMUNITY_ID, request.scope()).or(matter.PUBLIC.isTrue())))
        .value(
            "topic",
            (item, request) ->
                DSL.when(
                        DSL.not(seesDetail(item.COMMUNITY_ID, request.scope()))
                            .and(hearsPrivateMatter(item)),
                        DSL.inline(RESIDENTS_MATTER_TOPIC))
                    .otherwise(item.TOPIC))
        .value("decision", item -> item.DECISION)
        .dateTime("decidedAt", item -> item.DECIDED_AT)
        .value("version", item -> item.VERSION)
        .build();
  }

  @Bean
  ObjectModel<MatterCard> agendaMatterModel() {
    return ObjectModel.of(AGENDA_MATTERS)
        .value("matterId", matter -> JsonSql.globalId("Matter", matter.COMMUNITY_ID, matter.ID))
        .value("id", matter -> JsonSql.globalId("Matter", matter.COMMUNITY_ID, matter.ID))
        .value("title", matter -> matter.TITLE)
        .value("status", matter -> matter.STATUS)
        .value("category", matter -> matter.CATEGORY)
        .value(
            "reporterName",
            (matter, request) ->
                DSL.when(seesDetail(matter.COMMUNITY_ID, request.scope()), matter.REPORTER_NAME))
        .build();
  }

  @Bean
  ObjectModel<Attendance> attendanceModel() {
    return ObjectModel.of(MARKS)
        // per person: staff and oversight only; residents see an empty list
        .rows((mark, request) -> seesDetail(mark.COMMUNITY_ID, request.scope()))
        .value("bodyId", mark -> JsonSql.globalId(BODY, mark.COMMUNITY_ID, mark.BODY_ID))
        .value(
            "personId",
            mark ->
                DSL.when(
                        mark.RESIDENT_ID.isNotNull(),
                        JsonSql.globalId("Resident", mark.COMMUNITY_ID, mark.RESIDENT_ID))
                    .otherwise(
                        JsonSql.globalId("PartyMember", mark.COMMUNITY_ID, mark.PARTY_MEMBER_ID)))
        .value(
            "name",
            mark ->
                RosterModels.personName(mark.COMMUNITY_ID, mark.RESIDENT_ID, mark.PARTY_MEMBER_ID))
        .value("status", mark -> mark.STATUS)
        .build();
  }

  @Bean
  ObjectModel<Table<Record5<UUID, UUID, UUID, String, Boolean>>> bodyAttendanceModel() {
    return ObjectModel.of(TALLIES)
        .object(
            "body",
            BODIES,
            (tally, body) ->
                body.COMMUNITY_ID
                    .eq(tally.field("community_id", UUID.class))
                    .and(body.ID.eq(tally.field("body_id", UUID.class))))
        .value("present", tally -> marked(tally, AttendanceStatus.PRESENT))
        .value("absent", tally -> marked(tally, AttendanceStatus.ABSENT))
        .value("excused", tally -> marked(tally, AttendanceStatus.EXCUSED))
        .value("rate", MeetingModels::rate)
        .build();
  }

  @Bean
  ObjectModel<ActionItem> actionItemModel() {
    return ObjectModel.of(ACTION_ITEMS)
        .rows((item, request) -> InCommunities.inScope(item.COMMUNITY_ID, request.scope()))
        .id(item -> item.COMMUNITY_ID, item -> item.ID)
        .value("description", item -> item.DESCRIPTION)
        .part("owner", OWNERS, (item, request) -> DSL.trueCondition())
        .date("dueOn", item -> item.DUE_ON)
        .value("status", item -> item.STATUS)
        .value("overdue", (item, request) -> DSL.field(overdue(item, request.today())))
        .dateTime("doneAt", item -> item.DONE_AT)
        .value("version", item -> item.VERSION)
        .build();
  }

  @Bean
  ObjectModel<ActionItem> actionItemOwnerModel() {
    return ObjectModel.of(OWNERS)
        .value(
            "kind",
            item ->
                DSL.when(item.OWNER_BODY_ID.isNotNull(), DSL.inline("BODY"))
                    .when(item.OWNER_RESIDENT_ID.isNotNull(), DSL.inline("RESIDENT"))
                    .otherwise(DSL.inline("PARTY_MEMBER")))
        .value("ownerId", MeetingModels::ownerId)
        .value("id", MeetingModels::ownerId)
        .value(
            "name",
            item ->
                DSL.coalesce(
                    DSL.field(
                        DSL.select(BODY_CARD.NAME)
                            .from(BODY_CARD)
                            .where(
                                BODY_CARD.COMMUNITY_ID.eq(item.COMMUNITY_ID),
                                BODY_CARD.ID.eq(item.OWNER_BODY_ID))),
                    RosterModels.personName(
                        item.COMMUNITY_ID, item.OWNER_RESIDENT_ID, item.OWNER_PARTY_MEMBER_ID)))
        .build();
  }

  /** The meetings on {@code Community}: earliest first, or newest first for history. */
  @Bean
  ObjectModel<Community> communityMeetings() {
    return ObjectModel.extension(CommunityModels.COMMUNITIES)
        .connection(
            "meetings",
            MEETINGS,
            (community, meeting) -> meeting.COMMUNITY_ID.eq(community.ID),
            arguments ->
                Boolean.TRUE.equals(Arguments.input(arguments, "filter").get("newestFirst"))
                    ? LATEST_FIRST
                    : EARLIEST_FIRST,
            (meeting, arguments) -> meetingFilter(meeting, Arguments.input(arguments, "filter")))
        .build();
  }

  // --- who sees what

  /** The caller sees per-person attendance and agenda reporters in the row's community. */
  static Condition seesDetail(Field<UUID> communityId, AccessScope scope) {
    return InCommunities.where(communityId, scope, MeetingRules::seesDetail);
  }

  /**
   * What residents hear of an agenda item: its topic, the public matter's title, or {@link
   * #RESIDENTS_MATTER_TOPIC} for a matter that is not public — the published minutes say the same.
   */
  static Field<String> subjectForResidents(AgendaItem item) {
    return DSL.when(hearsPrivateMatter(item), DSL.inline(RESIDENTS_MATTER_TOPIC))
        .otherwise(
            DSL.coalesce(
                DSL.field(
                    DSL.select(MATTER_CARD.TITLE)
                        .from(MATTER_CARD)
                        .where(
                            MATTER_CARD.COMMUNITY_ID.eq(item.COMMUNITY_ID),
                            MATTER_CARD.ID.eq(item.MATTER_ID))),
                item.TOPIC));
  }

  private static Condition hearsPrivateMatter(AgendaItem item) {
    return DSL.exists(
        DSL.selectOne()
            .from(MATTER_CARD)
            .where(
                MATTER_CARD.COMMUNITY_ID.eq(item.COMMUNITY_ID),
                MATTER_CARD.ID.eq(item.MATTER_ID),
                MATTER_CARD.PUBLIC.isDistinctFrom(DSL.inline(true))));
  }

  // --- attendance by body

  /**
   * The bodies of each meeting: invited, or someone was marked for them. The list on a meeting
   * takes its own rows; PostgreSQL folds this into the list's subquery, keys and all.
   */
  private static Table<Record5<UUID, UUID, UUID, String, Boolean>> bodiesOfMeetings(String alias) {
    Meeting meeting = MEETING.as("of_meeting");
    BodyCard body = BODY_CARD.as("of_body");
    Condition invited = invited(meeting.COMMUNITY_ID, meeting.ID, body.ID);
    Condition marked =
        DSL.exists(
            DSL.selectOne()
                .from(ATTENDANCE)
                .where(
                    ATTENDANCE.COMMUNITY_ID.eq(meeting.COMMUNITY_ID),
                    ATTENDANCE.MEETING_ID.eq(meeting.ID),
                    ATTENDANCE.BODY_ID.eq(body.ID)));
    return DSL.select(
            meeting.COMMUNITY_ID.as("community_id"),
            meeting.ID.as("meeting_id"),
            body.ID.as("body_id"),
            body.KIND.as("kind"),
            DSL.field(invited).as("invited"))
        .from(meeting)
        .join(body)
        .on(body.COMMUNITY_ID.eq(meeting.COMMUNITY_ID))
        .where(invited.or(marked))
        .asTable(alias);
  }

  /** The invited bodies by kind, then any other body someone was marked for, by its first mark. */
  private static List<? extends org.jooq.OrderField<?>> tallyOrder(
      Table<Record5<UUID, UUID, UUID, String, Boolean>> tally) {
    Field<Boolean> invited = tally.field("invited", Boolean.class);
    return List.of(
        invited.desc(),
        DSL.when(invited, tally.field("kind", String.class)),
        DSL.field(
            DSL.select(DSL.min(ATTENDANCE.RECORDED_AT)).from(ATTENDANCE).where(ofTally(tally))),
        tally.field("body_id", UUID.class));
  }

  private static Condition ofTally(Table<?> tally) {
    return ATTENDANCE
        .COMMUNITY_ID
        .eq(tally.field("community_id", UUID.class))
        .and(ATTENDANCE.MEETING_ID.eq(tally.field("meeting_id", UUID.class)))
        .and(ATTENDANCE.BODY_ID.eq(tally.field("body_id", UUID.class)));
  }

  private static Field<Integer> marked(Table<?> tally, AttendanceStatus status) {
    return DSL.field(
        DSL.selectCount()
            .from(ATTENDANCE)
            .where(ofTally(tally), ATTENDANCE.STATUS.eq(DSL.inline(status.name()))));
  }

  /**
   * Present among those marked, as Java writes the Double: 1.0 and 0.0 with their point (PostgreSQL
   * writes a whole float8 without it); null before anyone is marked.
   */
  private static Field<JSON> rate(Table<?> tally) {
    Field<Integer> present = marked(tally, AttendanceStatus.PRESENT);
    Field<Integer> all = DSL.field(DSL.selectCount().from(ATTENDANCE).where(ofTally(tally)));
    return DSL.when(all.eq(DSL.inline(0)), org.redgovernance.api.readmodel.JsonText.NULL)
        .when(present.eq(all), org.redgovernance.api.readmodel.JsonText.literal("1.0"))
        .when(present.eq(DSL.inline(0)), org.redgovernance.api.readmodel.JsonText.literal("0.0"))
        .otherwise(
            org.redgovernance.api.readmodel.JsonText.of(
                DSL.field("{0}::float8 / {1}", Double.class, present, all)));
  }

  // --- names and ids from the published cards

  private static Condition invited(
      Field<UUID> communityId, Field<UUID> meetingId, Field<UUID> body) {
    return DSL.exists(
        DSL.selectOne()
            .from(MEETING_INVITATION)
            .where(
                MEETING_INVITATION.COMMUNITY_ID.eq(communityId),
                MEETING_INVITATION.MEETING_ID.eq(meetingId),
                MEETING_INVITATION.BODY_ID.eq(body)));
  }

  private static Field<JSON> ownerId(ActionItem item) {
    return DSL.when(
            item.OWNER_BODY_ID.isNotNull(),
            JsonSql.globalId(BODY, item.COMMUNITY_ID, item.OWNER_BODY_ID))
        .when(
            item.OWNER_RESIDENT_ID.isNotNull(),
            JsonSql.globalId("Resident", item.COMMUNITY_ID, item.OWNER_RESIDENT_ID))
        .otherwise(JsonSql.globalId("PartyMember", item.COMMUNITY_ID, item.OWNER_PARTY_MEMBER_ID));
  }

  // --- the page of meetings

  private static final Keyset<Meeting> EARLIEST_FIRST =
      Keyset.oldestFirst(meeting -> meeting.STARTS_AT, meeting -> meeting.ID);

  private static final Keyset<Meeting> LATEST_FIRST =
      Keyset.newestFirst(meeting -> meeting.STARTS_AT, meeting -> meeting.ID);

  @SuppressWarnings("unchecked")
  private static Condition meetingFilter(Meeting meeting, Map<String, Object> filter) {
    Condition where = DSL.noCondition();
    if (filter.get("from") instanceof OffsetDateTime from) {
      where = where.and(meeting.STARTS_AT.ge(from));
    }
    if (filter.get("to") instanceof OffsetDateTime to) {
      where = where.and(meeting.STARTS_AT.lt(to));
    }
    List<String> kinds =
        FilterValues.anyOf((List<String>) filter.get("kinds"), (String) filter.get("kind"));
    if (kinds != null) {
      where = where.and(meeting.KIND.in(kinds));
    }
    List<String> statuses =
        FilterValues.anyOf((List<String>) filter.get("statuses"), (String) filter.get("status"));
    if (statuses != null) {
      where = where.and(meeting.STATUS.in(statuses));
    }
    return where;
  }

  /**
   * Whether an action item is overdue on {@code today}: open past its due date. Its field and its
   * owner's daily reminder both ask this.
   */
  static Condition overdue(ActionItem item, LocalDate today) {
    return item.STATUS.eq(ActionItemStatus.OPEN.name()).and(item.DUE_ON.lt(today));
  }
}
