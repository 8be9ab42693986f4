package org.redgovernance.api.matters;

import static org.redgovernance.database.jooq.Tables.BODY_CARD;
import static org.redgovernance.database.jooq.Tables.BUILDING_CARD;
import static org.redgovernance.database.jooq.Tables.HOUSEHOLD_CARD;
import static org.redgovernance.database.jooq.Tables.MATTER;
import static org.redgovernance.database.jooq.Tables.MATTER_EVENT;
import static org.redgovernance.database.jooq.Tables.MATTER_SUBCATEGORY;
import static org.redgovernance.database.jooq.Tables.PARTY_MEMBER_CARD;
import static org.redgovernance.database.jooq.Tables.RESIDENT_CARD;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.commands.Write;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.database.Ids;
import org.redgovernance.database.jooq.tables.records.MatterRecord;
import org.springframework.stereotype.Repository;

/**
 * Matters in PostgreSQL, as the workflow and residents' feedback change them; what a matter shows
 * is the read model's ({@link MatterModels}). Every method runs inside a tenant transaction.
 */
@Repository
class MatterRepository {

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
      String raisedById,
      String raisedByName,
      @Nullable UUID buildingId,
      @Nullable UUID householdId,
      @Nullable String locationText,
      boolean isPublic) {}

  /**
   * The insert of a new matter for {@link Write}, raised for {@code reporter} (a resident's id, or
   * the caller's own resident looked up in the same statement), returning the reporter it got.
   */
  ResultQuery<MatterRecord> report(NewMatter matter, Field<UUID> reporter) {
    return DSL.insertInto(MATTER)
        .set(MATTER.COMMUNITY_ID, matter.communityId())
        .set(MATTER.ID, matter.id())
        .set(MATTER.TITLE, matter.title())
        .set(MATTER.DESCRIPTION, matter.description())
        .set(MATTER.CATEGORY, matter.category().name())
        .set(MATTER.SUBCATEGORY_ID, matter.subcategoryId())
        .set(MATTER.SOURCE, matter.source().name())
        .set(MATTER.REPORTER_RESIDENT_ID, reporter)
        .set(MATTER.RAISED_BY_USER_ID, matter.raisedById())
        .set(MATTER.RAISED_BY_NAME, matter.raisedByName())
        .set(MATTER.BUILDING_ID, matter.buildingId())
        .set(MATTER.HOUSEHOLD_ID, matter.householdId())
        .set(MATTER.LOCATION_TEXT, matter.locationText())
        .set(MATTER.PUBLIC, matter.isPublic())
        .returning(MATTER.COMMUNITY_ID, MATTER.ID, MATTER.REPORTER_RESIDENT_ID);
  }

  /** The resident the login {@code userId} is linked to in the community, inside a statement. */
  static Field<UUID> residentOfCaller(UUID communityId, String userId) {
    return DSL.field(
        DSL.select(RESIDENT_CARD.ID)
            .from(RESIDENT_CARD)
            .where(RESIDENT_CARD.COMMUNITY_ID.eq(communityId), RESIDENT_CARD.USER_ID.eq(userId)));
  }

  /**
   * The update that moves the matter one step if it is still at {@code expectedVersion} and in a
   * status the step starts from, for {@link Write}: it returns nothing when another change came
   * first.
   */
  ResultQuery<MatterRecord> move(
      UUID communityId, UUID id, int expectedVersion, MatterStep step, Change c) {
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
    return DSL.update(MATTER)
        .set(set)
        .where(
            MATTER.COMMUNITY_ID.eq(communityId),
            MATTER.ID.eq(id),
            MATTER.VERSION.eq(expectedVersion),
            MATTER.STATUS.in(step.from().stream().map(Enum::name).toList()))
        .returning(MATTER.COMMUNITY_ID, MATTER.ID);
  }

  /** The timeline entry of the change {@code row} wrote, in the same statement ({@link Write}). */
  static Query timelineEntry(
      Write.Row row,
      String actorId,
      String actorName,
      @Nullable MatterStatus from,
      MatterStatus to,
      @Nullable String note) {
    return DSL.insertInto(
            MATTER_EVENT,
            MATTER_EVENT.COMMUNITY_ID,
            MATTER_EVENT.ID,
            MATTER_EVENT.MATTER_ID,
            MATTER_EVENT.ACTOR_ID,
            MATTER_EVENT.ACTOR_NAME,
            MATTER_EVENT.FROM_STATUS,
            MATTER_EVENT.TO_STATUS,
            MATTER_EVENT.NOTE)
        .select(
            DSL.select(
                    row.communityId(),
                    DSL.val(Ids.newId()),
                    row.id(),
                    DSL.val(actorId),
                    DSL.val(actorName),
                    DSL.val(from == null ? null : from.name(), String.class),
                    DSL.val(to.name()),
                    DSL.val(note, String.class))
                .from(row.table()));
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

  // --- what a step decides on

  /**
   * The matter as {@code scope}'s caller finds it, when they may see it ({@link
   * MatterModels#visible}): one statement.
   */
  Optional<MatterState> state(DSLContext dsl, UUID communityId, UUID id, AccessScope scope) {
    String userId = scope.caller().userId();
    Field<String> reporterUser =
        DSL.field(
            DSL.select(RESIDENT_CARD.USER_ID)
                .from(RESIDENT_CARD)
                .where(
                    RESIDENT_CARD.COMMUNITY_ID.eq(MATTER.COMMUNITY_ID),
                    RESIDENT_CARD.ID.eq(MATTER.REPORTER_RESIDENT_ID)));
    Field<String> resolvedBy =
        DSL.field(
            DSL.select(
                    DSL.when(
                        MATTER_EVENT.TO_STATUS.eq(MatterStatus.RESOLVED.name()),
                        MATTER_EVENT.ACTOR_ID))
                .from(MATTER_EVENT)
                .where(
                    MATTER_EVENT.COMMUNITY_ID.eq(MATTER.COMMUNITY_ID),
                    MATTER_EVENT.MATTER_ID.eq(MATTER.ID))
                .orderBy(MATTER_EVENT.OCCURRED_AT.desc(), MATTER_EVENT.ID.desc())
                .limit(1));
    Field<Boolean> mine =
        DSL.coalesce(DSL.field(MatterModels.mine(MATTER, userId)), DSL.inline(false));
    return dsl.select(MATTER.STATUS, MATTER.VERSION, MATTER.PUBLIC, mine, reporterUser, resolvedBy)
        .from(MATTER)
        .where(
            MATTER.COMMUNITY_ID.eq(communityId),
            MATTER.ID.eq(id),
            MatterModels.visible(MATTER, scope))
        .fetchOptional(
            r ->
                new MatterState(
                    communityId,
                    id,
                    MatterStatus.valueOf(r.value1()),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6()));
  }
}
