package org.redgovernance.api.matters;

import static org.redgovernance.database.jooq.Tables.BODY_CARD;
import static org.redgovernance.database.jooq.Tables.BUILDING_CARD;
import static org.redgovernance.database.jooq.Tables.HOUSEHOLD_CARD;
import static org.redgovernance.database.jooq.Tables.MATTER;
import static org.redgovernance.database.jooq.Tables.MATTER_EVENT;
import static org.redgovernance.database.jooq.Tables.MATTER_SUBCATEGORY;
import static org.redgovernance.database.jooq.Tables.MATTER_SUPPORT;
import static org.redgovernance.database.jooq.Tables.PARTY_MEMBER_CARD;
import static org.redgovernance.database.jooq.Tables.RESIDENT_CARD;

import graphql.schema.SelectedField;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.SelectOnConditionStep;
import org.jooq.SelectSelectStep;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.PageRows;
import org.redgovernance.api.graphql.TimeCursor;
import org.redgovernance.api.matters.Matter.Assignee;
import org.redgovernance.api.matters.Matter.AssigneeKind;
import org.redgovernance.api.matters.Matter.Location;
import org.redgovernance.api.matters.Matter.Person;
import org.redgovernance.api.matters.Matter.TimelineEntry;
import org.redgovernance.api.readmodel.JsonConnection;
import org.redgovernance.api.readmodel.JsonShape;
import org.redgovernance.api.readmodel.JsonSql;
import org.redgovernance.database.Ids;
import org.redgovernance.database.jooq.tables.BodyCard;
import org.redgovernance.database.jooq.tables.BuildingCard;
import org.redgovernance.database.jooq.tables.HouseholdCard;
import org.redgovernance.database.jooq.tables.MatterSubcategory;
import org.redgovernance.database.jooq.tables.PartyMemberCard;
import org.redgovernance.database.jooq.tables.ResidentCard;
import org.springframework.stereotype.Repository;

/**
 * Matters in PostgreSQL. A matter is always read whole in one statement: the matter, its reporter,
 * place and assignee from the published cards, its latest timeline entry and its support. Every
 * method runs inside a tenant transaction.
 */
@Repository
class MatterRepository {

  static final String RESIDENT_TYPE = "Resident";
  static final String PARTY_MEMBER_TYPE = "PartyMember";
  static final String BODY_TYPE = "GovernanceBody";
  static final String BUILDING_TYPE = "Building";
  static final String HOUSEHOLD_TYPE = "Household";

  static final ResidentCard REPORTER = RESIDENT_CARD.as("reporter");
  static final ResidentCard ASSIGNED_RESIDENT = RESIDENT_CARD.as("assigned_resident");
  static final PartyMemberCard ASSIGNED_MEMBER = PARTY_MEMBER_CARD.as("assigned_member");
  static final BodyCard ASSIGNED_BODY = BODY_CARD.as("assigned_body");
  static final BuildingCard PLACE_BUILDING = BUILDING_CARD.as("place_building");
  static final HouseholdCard PLACE_HOUSEHOLD = HOUSEHOLD_CARD.as("place_household");
  static final MatterSubcategory SUB = MATTER_SUBCATEGORY.as("sub");

  static final Table<?> LATEST =
      DSL.lateral(
              DSL.select(
                      MATTER_EVENT.ID,
                      MATTER_EVENT.OCCURRED_AT,
                      MATTER_EVENT.ACTOR_ID,
                      MATTER_EVENT.ACTOR_NAME,
                      MATTER_EVENT.FROM_STATUS,
                      MATTER_EVENT.TO_STATUS,
                      MATTER_EVENT.NOTE)
                  .from(MATTER_EVENT)
                  .where(
                      MATTER_EVENT.COMMUNITY_ID.eq(MATTER.COMMUNITY_ID),
                      MATTER_EVENT.MATTER_ID.eq(MATTER.ID))
                  .orderBy(MATTER_EVENT.OCCURRED_AT.desc(), MATTER_EVENT.ID.desc())
                  .limit(1))
          .as("latest");

  // The card lookups are built once, like LATEST: a request only binds their values.
  private static final Table<?> REPORTER_CARD =
      lookup(
          REPORTER,
          RESIDENT_CARD,
          RESIDENT_CARD.ID.eq(MATTER.REPORTER_RESIDENT_ID),
          RESIDENT_CARD.NAME,
          RESIDENT_CARD.ADDRESS,
          RESIDENT_CARD.USER_ID);
  // The body card is its table's row by primary key. With LIMIT 1 the planner walked the small
  // table of every community's bodies for each matter (a quarter of the board's SQL time at 50
  // communities, and growing with them); without it, it takes the key.
  private static final Table<?> ASSIGNED_BODY_CARD =
      DSL.lateral(
              DSL.select(BODY_CARD.NAME)
                  .from(BODY_CARD)
                  .where(
                      BODY_CARD.COMMUNITY_ID.eq(MATTER.COMMUNITY_ID),
                      BODY_CARD.ID.eq(MATTER.ASSIGNEE_BODY_ID)))
          .as(ASSIGNED_BODY.getName());
  private static final Table<?> ASSIGNED_RESIDENT_CARD =
      lookup(
          ASSIGNED_RESIDENT,
          RESIDENT_CARD,
          RESIDENT_CARD.ID.eq(MATTER.ASSIGNEE_RESIDENT_ID),
          RESIDENT_CARD.NAME);
  private static final Table<?> ASSIGNED_MEMBER_CARD =
      lookup(
          ASSIGNED_MEMBER,
          PARTY_MEMBER_CARD,
          PARTY_MEMBER_CARD.ID.eq(MATTER.ASSIGNEE_PARTY_MEMBER_ID),
          PARTY_MEMBER_CARD.NAME);
  private static final Table<?> PLACE_BUILDING_CARD =
      lookup(
          PLACE_BUILDING,
          BUILDING_CARD,
          BUILDING_CARD.ID.eq(MATTER.BUILDING_ID),
          BUILDING_CARD.NUMBER);
  private static final Table<?> PLACE_HOUSEHOLD_CARD =
      lookup(
          PLACE_HOUSEHOLD,
          HOUSEHOLD_CARD,
          HOUSEHOLD_CARD.ID.eq(MATTER.HOUSEHOLD_ID),
          HOUSEHOLD_CARD.ADDRESS);

  static final Field<Integer> SUPPORTERS =
      DSL.field(
          DSL.selectCount()
              .from(MATTER_SUPPORT)
              .where(
                  MATTER_SUPPORT.COMMUNITY_ID.eq(MATTER.COMMUNITY_ID),
                  MATTER_SUPPORT.MATTER_ID.eq(MATTER.ID)));
  private static final Field<Integer> SUPPORT_COUNT = SUPPORTERS.as("support_count");

  private static final List<SortField<?>> BOARD_ORDER =
      List.of(MATTER.REPORTED_AT.desc(), MATTER.ID.desc());

  /** What a board may filter on. */
  record Filter(
      @Nullable Collection<MatterStatus> statuses,
      @Nullable Collection<MatterCategory> categories,
      @Nullable Collection<MatterSource> sources,
      boolean mineOnly,
      boolean overdueOnly) {}

  /** The columns a step changes beside the status. */
  record Change(
      @Nullable AssigneeKind assigneeKind,
      @Nullable UUID assigneeId,
      @Nullable LocalDate dueOn,
      @Nullable String resolution,
      @Nullable Integer rating,
      @Nullable String ratingComment,
      @Nullable Boolean isPublic) {

    static final Change NONE = new Change(null, null, null, null, null, null, null);
  }

  /** A new matter, checked. */
  record NewMatter(
      UUID communityId,
      UUID id,
      String title,
      String description,
      MatterCategory category,
      @Nullable UUID subcategoryId,
      MatterSource source,
      @Nullable UUID reporterResidentId,
      String raisedById,
      String raisedByName,
      @Nullable UUID buildingId,
      @Nullable UUID householdId,
      @Nullable String locationText,
      boolean isPublic) {}

  /**
   * One page of a community's board, newest first, as {@code visibility} allows, with how many
   * matters the board shows in all when {@code counted}.
   */
  PageRows<Matter> page(
      DSLContext dsl,
      UUID communityId,
      MatterVisibility visibility,
      Filter filter,
      LocalDate today,
      @Nullable TimeCursor after,
      int limit,
      boolean counted) {
    return PageRows.fetch(
        dsl,
        select(dsl, visibility.userId())
            .where(board(communityId, visibility, filter, today))
            .and(seek(after))
            .orderBy(BOARD_ORDER)
            .limit(limit),
        counted ? count(communityId, visibility, filter, today) : null,
        MatterRepository::toMatter);
  }

  /**
   * The statement that writes the same page as {@link #page} ({@code size} matters, {@code size +
   * 1} rows read) as the connection's JSON for the {@code connection} selection, with each matter
   * as {@code matter} writes it; empty when something selected cannot be written in SQL.
   */
  Optional<Select<Record1<JSON>>> pageJson(
      UUID communityId,
      MatterVisibility visibility,
      Filter filter,
      LocalDate today,
      @Nullable TimeCursor after,
      int size,
      List<SelectedField> connection,
      JsonShape matter) {
    return JsonConnection.select(
        connection,
        matter.asObjectField(),
        JsonSql.timeCursorKey(MATTER.REPORTED_AT, MATTER.ID),
        BOARD_ORDER,
        size,
        after != null,
        count(communityId, visibility, filter, today),
        columns ->
            withCards(DSL.select(columns))
                .where(board(communityId, visibility, filter, today))
                .and(seek(after))
                .orderBy(BOARD_ORDER)
                .limit(size + 1));
  }

  /**
   * How many matters the board shows: {@code totalCount}. Of the cards only the reporter's is
   * joined — whether a matter is the caller's own looks at it.
   */
  private static Select<Record1<Integer>> count(
      UUID communityId, MatterVisibility visibility, Filter filter, LocalDate today) {
    return DSL.selectCount()
        .from(MATTER)
        .leftJoin(REPORTER_CARD)
        .on(DSL.trueCondition())
        .where(board(communityId, visibility, filter, today));
  }

  /** The matters after the cursor, newest first. */
  private static Condition seek(@Nullable TimeCursor after) {
    return after == null
        ? DSL.noCondition()
        : DSL.row(MATTER.REPORTED_AT, MATTER.ID).lt(after.at(), after.id());
  }

  private static List<Condition> board(
      UUID communityId, MatterVisibility visibility, Filter filter, LocalDate today) {
    List<Condition> where = new ArrayList<>();
    where.add(MATTER.COMMUNITY_ID.eq(communityId));
    where.add(visibleTo(visibility));
    if (filter.statuses() != null && !filter.statuses().isEmpty()) {
      where.add(MATTER.STATUS.in(filter.statuses().stream().map(Enum::name).toList()));
    }
    if (filter.categories() != null && !filter.categories().isEmpty()) {
      where.add(MATTER.CATEGORY.in(filter.categories().stream().map(Enum::name).toList()));
    }
    if (filter.sources() != null && !filter.sources().isEmpty()) {
      where.add(MATTER.SOURCE.in(filter.sources().stream().map(Enum::name).toList()));
    }
    if (filter.mineOnly()) {
      where.add(mine(visibility.userId()));
    }
    if (filter.overdueOnly()) {
      where.add(overdue(today));
    }
    return where;
  }

  /** The matter, whoever may see it; callers apply {@link MatterVisibility}. */
  /** Whether the matter exists and {@code visibility}'s caller may see it. */
  boolean visible(DSLContext dsl, UUID communityId, UUID id, MatterVisibility visibility) {
    return find(dsl, communityId, id, visibility.userId()).filter(visibility::allows).isPresent();
  }

  Optional<Matter> find(DSLContext dsl, UUID communityId, UUID id, String userId) {
    return select(dsl, userId)
        .where(MATTER.COMMUNITY_ID.eq(communityId), MATTER.ID.eq(id))
        .fetchOptional(MatterRepository::toMatter);
  }

  void insert(DSLContext dsl, NewMatter matter) {
    dsl.insertInto(MATTER)
        .set(MATTER.COMMUNITY_ID, matter.communityId())
        .set(MATTER.ID, matter.id())
        .set(MATTER.TITLE, matter.title())
        .set(MATTER.DESCRIPTION, matter.description())
        .set(MATTER.CATEGORY, matter.category().name())
        .set(MATTER.SUBCATEGORY_ID, matter.subcategoryId())
        .set(MATTER.SOURCE, matter.source().name())
        .set(MATTER.REPORTER_RESIDENT_ID, matter.reporterResidentId())
        .set(MATTER.RAISED_BY_USER_ID, matter.raisedById())
        .set(MATTER.RAISED_BY_NAME, matter.raisedByName())
        .set(MATTER.BUILDING_ID, matter.buildingId())
        .set(MATTER.HOUSEHOLD_ID, matter.householdId())
        .set(MATTER.LOCATION_TEXT, matter.locationText())
        .set(MATTER.PUBLIC, matter.isPublic())
        .execute();
  }

  /**
   * Moves the matter one step if it is still at {@code expectedVersion} and in a status the step
   * starts from; false when another change came first.
   */
  boolean move(
      DSLContext dsl, UUID communityId, UUID id, int expectedVersion, MatterStep step, Change c) {
    Map<Field<?>, Object> set = new LinkedHashMap<>();
    set.put(MATTER.STATUS, step.to().name());
    set.put(MATTER.VERSION, MATTER.VERSION.plus(1));
    set.put(MATTER.UPDATED_AT, DSL.currentOffsetDateTime());
    switch (step) {
      case ACCEPT -> {
        if (c.isPublic() != null) {
          set.put(MATTER.PUBLIC, c.isPublic());
        }
      }
      case ASSIGN -> {
        set.put(
            MATTER.ASSIGNEE_BODY_ID, c.assigneeKind() == AssigneeKind.BODY ? c.assigneeId() : null);
        set.put(
            MATTER.ASSIGNEE_RESIDENT_ID,
            c.assigneeKind() == AssigneeKind.RESIDENT ? c.assigneeId() : null);
        set.put(
            MATTER.ASSIGNEE_PARTY_MEMBER_ID,
            c.assigneeKind() == AssigneeKind.PARTY_MEMBER ? c.assigneeId() : null);
        set.put(MATTER.DUE_ON, c.dueOn());
      }
      case RESOLVE -> {
        set.put(MATTER.RESOLUTION, c.resolution());
        set.put(MATTER.RESOLVED_AT, DSL.currentOffsetDateTime());
      }
      case VERIFY -> set.put(MATTER.VERIFIED_AT, DSL.currentOffsetDateTime());
      case REOPEN -> {
        // The rejected resolution stays on the timeline; the matter waits for a new one.
        set.put(MATTER.RESOLUTION, null);
        set.put(MATTER.RESOLVED_AT, null);
        set.put(MATTER.VERIFIED_AT, null);
      }
      case CLOSE, AUTO_CLOSE -> {
        set.put(MATTER.CLOSED_AT, DSL.currentOffsetDateTime());
        set.put(MATTER.RATING, c.rating() == null ? null : c.rating().shortValue());
        set.put(MATTER.RATING_COMMENT, c.ratingComment());
      }
      case REJECT, SCHEDULE -> {}
    }
    return dsl.update(MATTER)
            .set(set)
            .where(
                MATTER.COMMUNITY_ID.eq(communityId),
                MATTER.ID.eq(id),
                MATTER.VERSION.eq(expectedVersion),
                MATTER.STATUS.in(step.from().stream().map(Enum::name).toList()))
            .execute()
        == 1;
  }

  void appendToTimeline(
      DSLContext dsl,
      UUID communityId,
      UUID matterId,
      String actorId,
      String actorName,
      @Nullable MatterStatus from,
      MatterStatus to,
      @Nullable String note) {
    dsl.insertInto(MATTER_EVENT)
        .set(MATTER_EVENT.COMMUNITY_ID, communityId)
        .set(MATTER_EVENT.ID, Ids.newId())
        .set(MATTER_EVENT.MATTER_ID, matterId)
        .set(MATTER_EVENT.ACTOR_ID, actorId)
        .set(MATTER_EVENT.ACTOR_NAME, actorName)
        .set(MATTER_EVENT.FROM_STATUS, from == null ? null : from.name())
        .set(MATTER_EVENT.TO_STATUS, to.name())
        .set(MATTER_EVENT.NOTE, note)
        .execute();
  }

  /** The timelines of some matters of one community, oldest entry first. */
  Map<UUID, List<TimelineEntry>> timelines(
      DSLContext dsl, UUID communityId, Collection<UUID> matterIds) {
    return dsl.select(
            MATTER_EVENT.MATTER_ID,
            MATTER_EVENT.ID,
            MATTER_EVENT.OCCURRED_AT,
            MATTER_EVENT.ACTOR_ID,
            MATTER_EVENT.ACTOR_NAME,
            MATTER_EVENT.FROM_STATUS,
            MATTER_EVENT.TO_STATUS,
            MATTER_EVENT.NOTE)
        .from(MATTER_EVENT)
        .where(MATTER_EVENT.COMMUNITY_ID.eq(communityId), MATTER_EVENT.MATTER_ID.in(matterIds))
        .orderBy(MATTER_EVENT.OCCURRED_AT, MATTER_EVENT.ID)
        .fetchGroups(
            MATTER_EVENT.MATTER_ID,
            r ->
                new TimelineEntry(
                    r.get(MATTER_EVENT.ID),
                    r.get(MATTER_EVENT.OCCURRED_AT),
                    r.get(MATTER_EVENT.ACTOR_ID),
                    r.get(MATTER_EVENT.ACTOR_NAME),
                    status(r.get(MATTER_EVENT.FROM_STATUS)),
                    MatterStatus.valueOf(r.get(MATTER_EVENT.TO_STATUS)),
                    r.get(MATTER_EVENT.NOTE)));
  }

  /** Verified matters whose reporter has not rated them since {@code before}. */
  List<UUID> verifiedBefore(DSLContext dsl, UUID communityId, OffsetDateTime before, int limit) {
    return dsl.select(MATTER.ID)
        .from(MATTER)
        .where(
            MATTER.COMMUNITY_ID.eq(communityId),
            MATTER.STATUS.eq(MatterStatus.VERIFIED.name()),
            MATTER.VERIFIED_AT.lt(before))
        .orderBy(MATTER.VERIFIED_AT)
        .limit(limit)
        .fetch(MATTER.ID);
  }

  // --- the published cards: residents, party members, bodies, places

  /** The resident the login {@code userId} is linked to in the community, if any. */
  Optional<UUID> residentOf(DSLContext dsl, UUID communityId, String userId) {
    return dsl.select(RESIDENT_CARD.ID)
        .from(RESIDENT_CARD)
        .where(RESIDENT_CARD.COMMUNITY_ID.eq(communityId), RESIDENT_CARD.USER_ID.eq(userId))
        .fetchOptional(RESIDENT_CARD.ID);
  }

  boolean residentExists(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.fetchExists(
        RESIDENT_CARD, RESIDENT_CARD.COMMUNITY_ID.eq(communityId), RESIDENT_CARD.ID.eq(id));
  }

  boolean partyMemberExists(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.fetchExists(
        PARTY_MEMBER_CARD,
        PARTY_MEMBER_CARD.COMMUNITY_ID.eq(communityId),
        PARTY_MEMBER_CARD.ID.eq(id));
  }

  boolean bodyExists(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.fetchExists(BODY_CARD, BODY_CARD.COMMUNITY_ID.eq(communityId), BODY_CARD.ID.eq(id));
  }

  boolean buildingExists(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.fetchExists(
        BUILDING_CARD, BUILDING_CARD.COMMUNITY_ID.eq(communityId), BUILDING_CARD.ID.eq(id));
  }

  /** The building of a household of the community, if the household exists. */
  Optional<UUID> buildingOfHousehold(DSLContext dsl, UUID communityId, UUID householdId) {
    return dsl.select(HOUSEHOLD_CARD.BUILDING_ID)
        .from(HOUSEHOLD_CARD)
        .where(HOUSEHOLD_CARD.COMMUNITY_ID.eq(communityId), HOUSEHOLD_CARD.ID.eq(householdId))
        .fetchOptional(HOUSEHOLD_CARD.BUILDING_ID);
  }

  /** The category of a subcategory of the community, if it exists. */
  Optional<MatterCategory> categoryOfSubcategory(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.select(MATTER_SUBCATEGORY.CATEGORY)
        .from(MATTER_SUBCATEGORY)
        .where(MATTER_SUBCATEGORY.COMMUNITY_ID.eq(communityId), MATTER_SUBCATEGORY.ID.eq(id))
        .fetchOptional(r -> MatterCategory.valueOf(r.value1()));
  }

  // --- the one statement that reads matters

  private static SelectOnConditionStep<Record> select(DSLContext dsl, String userId) {
    List<SelectField<?>> fields = new ArrayList<>(List.of(MATTER.fields()));
    fields.addAll(
        List.of(
            SUB.NAME,
            REPORTER.NAME,
            REPORTER.ADDRESS,
            REPORTER.USER_ID,
            ASSIGNED_BODY.NAME,
            ASSIGNED_RESIDENT.NAME,
            ASSIGNED_MEMBER.NAME,
            PLACE_BUILDING.NUMBER,
            PLACE_HOUSEHOLD.ADDRESS,
            SUPPORT_COUNT,
            supportedBy(userId).as("supported_by_me"),
            mineOrFalse(userId).as("mine")));
    fields.addAll(List.of(LATEST.fields()));
    return withCards(dsl.select(fields));
  }

  /** The board's FROM: the matter with its cards and latest timeline entry. */
  private static <R extends Record> SelectOnConditionStep<R> withCards(SelectSelectStep<R> select) {
    return select
        .from(MATTER)
        .leftJoin(SUB)
        .on(SUB.COMMUNITY_ID.eq(MATTER.COMMUNITY_ID), SUB.ID.eq(MATTER.SUBCATEGORY_ID))
        .leftJoin(REPORTER_CARD)
        .on(DSL.trueCondition())
        .leftJoin(ASSIGNED_BODY_CARD)
        .on(DSL.trueCondition())
        .leftJoin(ASSIGNED_RESIDENT_CARD)
        .on(DSL.trueCondition())
        .leftJoin(ASSIGNED_MEMBER_CARD)
        .on(DSL.trueCondition())
        .leftJoin(PLACE_BUILDING_CARD)
        .on(DSL.trueCondition())
        .leftJoin(PLACE_HOUSEHOLD_CARD)
        .on(DSL.trueCondition())
        .leftJoin(LATEST)
        .on(DSL.trueCondition());
  }

  /**
   * One card row for the matter, looked up by its id: a LATERAL subquery with LIMIT 1, because
   * joined plainly PostgreSQL builds the whole view (every resident with household and building)
   * and probes it for each matter — 45 ms for a board of a large community instead of 2. The
   * derived table takes the alias of {@code as}, so the alias's fields address its columns.
   */
  private static Table<?> lookup(Table<?> as, Table<?> card, Condition byId, Field<?>... columns) {
    return DSL.lateral(
            DSL.select(columns)
                .from(card)
                .where(card.field("community_id", UUID.class).eq(MATTER.COMMUNITY_ID), byId)
                .limit(1))
        .as(as.getName());
  }

  /** Raised by the caller, or raised for the resident their login is linked to. */
  static Condition mine(String userId) {
    return MATTER.RAISED_BY_USER_ID.eq(userId).or(REPORTER.USER_ID.eq(userId));
  }

  /** {@link MatterVisibility} in SQL. */
  private static Condition visibleTo(MatterVisibility visibility) {
    if (visibility.seesAll()) {
      return DSL.trueCondition();
    }
    return mine(visibility.userId())
        .or(
            MATTER
                .PUBLIC
                .isTrue()
                .and(
                    MATTER.STATUS.notIn(
                        MatterStatus.REPORTED.name(), MatterStatus.REJECTED.name())));
  }

  static Field<Boolean> supportedBy(String userId) {
    return DSL.field(
        DSL.exists(
            DSL.selectOne()
                .from(MATTER_SUPPORT)
                .join(RESIDENT_CARD)
                .on(
                    RESIDENT_CARD.COMMUNITY_ID.eq(MATTER_SUPPORT.COMMUNITY_ID),
                    RESIDENT_CARD.ID.eq(MATTER_SUPPORT.RESIDENT_ID))
                .where(
                    MATTER_SUPPORT.COMMUNITY_ID.eq(MATTER.COMMUNITY_ID),
                    MATTER_SUPPORT.MATTER_ID.eq(MATTER.ID),
                    RESIDENT_CARD.USER_ID.eq(userId))));
  }

  /** {@link #mine} for every matter: one without a linked reporter makes it NULL, not false. */
  static Field<Boolean> mineOrFalse(String userId) {
    return DSL.coalesce(DSL.field(mine(userId)), DSL.inline(false));
  }

  static Condition overdue(LocalDate today) {
    return MATTER
        .DUE_ON
        .lt(today)
        .and(MATTER.STATUS.in(MatterStatus.IN_PROGRESS.name(), MatterStatus.REOPENED.name()));
  }

  private static Matter toMatter(Record r) {
    UUID community = r.get(MATTER.COMMUNITY_ID);
    UUID reporterId = r.get(MATTER.REPORTER_RESIDENT_ID);
    UUID subcategoryId = r.get(MATTER.SUBCATEGORY_ID);
    UUID buildingId = r.get(MATTER.BUILDING_ID);
    UUID householdId = r.get(MATTER.HOUSEHOLD_ID);
    UUID latestId = r.get(LATEST.field(MATTER_EVENT.ID));
    MatterCategory category = MatterCategory.valueOf(r.get(MATTER.CATEGORY));
    Short rating = r.get(MATTER.RATING);
    return new Matter(
        community,
        r.get(MATTER.ID),
        r.get(MATTER.TITLE),
        r.get(MATTER.DESCRIPTION),
        category,
        subcategoryId == null
            ? null
            : new Matter.MatterSubcategory(
                GlobalId.of(Matter.SUBCATEGORY_TYPE, community, subcategoryId),
                category,
                r.get(SUB.NAME)),
        MatterSource.valueOf(r.get(MATTER.SOURCE)),
        MatterStatus.valueOf(r.get(MATTER.STATUS)),
        r.get(MATTER.PUBLIC),
        reporterId == null
            ? null
            : new Person(
                GlobalId.of(RESIDENT_TYPE, community, reporterId),
                r.get(REPORTER.NAME),
                r.get(REPORTER.ADDRESS),
                r.get(REPORTER.USER_ID)),
        r.get(MATTER.RAISED_BY_USER_ID),
        r.get(MATTER.RAISED_BY_NAME),
        new Location(
            buildingId == null ? null : GlobalId.of(BUILDING_TYPE, community, buildingId),
            r.get(PLACE_BUILDING.NUMBER),
            householdId == null ? null : GlobalId.of(HOUSEHOLD_TYPE, community, householdId),
            r.get(PLACE_HOUSEHOLD.ADDRESS),
            r.get(MATTER.LOCATION_TEXT)),
        assignee(r, community),
        r.get(MATTER.DUE_ON),
        r.get(MATTER.RESOLUTION),
        rating == null ? null : rating.intValue(),
        r.get(MATTER.RATING_COMMENT),
        r.get(MATTER.REPORTED_AT),
        r.get(MATTER.RESOLVED_AT),
        r.get(MATTER.VERIFIED_AT),
        r.get(MATTER.CLOSED_AT),
        latestId == null
            ? null
            : new TimelineEntry(
                latestId,
                r.get(LATEST.field(MATTER_EVENT.OCCURRED_AT)),
                r.get(LATEST.field(MATTER_EVENT.ACTOR_ID)),
                r.get(LATEST.field(MATTER_EVENT.ACTOR_NAME)),
                status(r.get(LATEST.field(MATTER_EVENT.FROM_STATUS))),
                MatterStatus.valueOf(r.get(LATEST.field(MATTER_EVENT.TO_STATUS))),
                r.get(LATEST.field(MATTER_EVENT.NOTE))),
        r.get(SUPPORT_COUNT),
        r.get("supported_by_me", Boolean.class),
        r.get("mine", Boolean.class),
        r.get(MATTER.VERSION),
        r.get(MATTER.CREATED_AT),
        r.get(MATTER.UPDATED_AT));
  }

  private static @Nullable Assignee assignee(Record r, UUID community) {
    UUID body = r.get(MATTER.ASSIGNEE_BODY_ID);
    if (body != null) {
      return new Assignee(
          AssigneeKind.BODY, GlobalId.of(BODY_TYPE, community, body), r.get(ASSIGNED_BODY.NAME));
    }
    UUID resident = r.get(MATTER.ASSIGNEE_RESIDENT_ID);
    if (resident != null) {
      return new Assignee(
          AssigneeKind.RESIDENT,
          GlobalId.of(RESIDENT_TYPE, community, resident),
          r.get(ASSIGNED_RESIDENT.NAME));
    }
    UUID member = r.get(MATTER.ASSIGNEE_PARTY_MEMBER_ID);
    if (member != null) {
      return new Assignee(
          AssigneeKind.PARTY_MEMBER,
          GlobalId.of(PARTY_MEMBER_TYPE, community, member),
          r.get(ASSIGNED_MEMBER.NAME));
    }
    return null;
  }

  private static @Nullable MatterStatus status(@Nullable String value) {
    return value == null ? null : MatterStatus.valueOf(value);
  }
}
