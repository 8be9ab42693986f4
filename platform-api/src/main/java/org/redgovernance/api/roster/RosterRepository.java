package org.redgovernance.api.roster;

import static org.redgovernance.database.jooq.Tables.BUILDING;
import static org.redgovernance.database.jooq.Tables.GRID;
import static org.redgovernance.database.jooq.Tables.HOUSEHOLD;
import static org.redgovernance.database.jooq.Tables.PARTY_MEMBER;
import static org.redgovernance.database.jooq.Tables.PERSONAL_DATA_ACCESS;
import static org.redgovernance.database.jooq.Tables.RESIDENT;

import graphql.schema.SelectedField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep5;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.SelectOnConditionStep;
import org.jooq.SelectSelectStep;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.PageRows;
import org.redgovernance.api.readmodel.JsonConnection;
import org.redgovernance.database.Ids;
import org.redgovernance.database.jooq.tables.records.PersonalDataAccessRecord;
import org.springframework.stereotype.Repository;

/**
 * The roster in PostgreSQL. Every method runs inside a tenant transaction; pages are keyset pages
 * in id order (UUIDv7: creation order). A page of households comes with its residents and their
 * party membership in the same statement (MULTISET), whatever the page size.
 */
@Repository
class RosterRepository {

  /** Filters of the households connection; null means "any". */
  record HouseholdFilter(
      @Nullable UUID gridId, @Nullable UUID buildingId, @Nullable Boolean withPartyMember) {}

  /** Filters of the residents connection; lookups are by keyed hash, never by plain value. */
  record ResidentFilter(
      @Nullable UUID gridId,
      @Nullable UUID buildingId,
      @Nullable UUID householdId,
      @Nullable String nameContains,
      @Nullable List<String> statuses,
      @Nullable Boolean owner,
      byte @Nullable [] phoneHash,
      byte @Nullable [] idCardHash) {}

  /** Filters of the party-members connection. */
  record PartyMemberFilter(
      @Nullable List<String> kinds,
      @Nullable UUID gridId,
      @Nullable String specialty,
      @Nullable String nameContains) {}

  // Party membership columns carry their own names, so that they never collide with resident ones.
  private static final Field<UUID> P_ID = PARTY_MEMBER.ID.as("p_id");
  private static final Field<UUID> P_RESIDENT = PARTY_MEMBER.RESIDENT_ID.as("p_resident_id");
  private static final Field<String> P_NAME = PARTY_MEMBER.NAME.as("p_name");
  private static final Field<String> P_KIND = PARTY_MEMBER.KIND.as("p_kind");
  private static final Field<String> P_WORKPLACE = PARTY_MEMBER.WORKPLACE.as("p_workplace");
  private static final Field<LocalDate> P_JOINED = PARTY_MEMBER.JOINED_ON.as("p_joined_on");
  private static final Field<UUID> P_GRID = PARTY_MEMBER.GRID_ID.as("p_grid_id");
  private static final Field<String[]> P_SPECIALTIES = PARTY_MEMBER.SPECIALTIES.as("p_specialties");
  private static final Field<String> P_STATUS = PARTY_MEMBER.STATUS.as("p_status");
  private static final Field<Integer> P_VERSION = PARTY_MEMBER.VERSION.as("p_version");

  private static final List<SelectField<?>> RESIDENT_COLUMNS =
      List.of(
          RESIDENT.COMMUNITY_ID,
          RESIDENT.ID,
          RESIDENT.HOUSEHOLD_ID,
          RESIDENT.NAME,
          RESIDENT.GENDER,
          RESIDENT.BIRTH_YEAR,
          RESIDENT.PHONE_MASKED,
          RESIDENT.ID_CARD_MASKED,
          RESIDENT.OWNER,
          RESIDENT.MOVED_IN_ON,
          RESIDENT.MOVED_OUT_ON,
          RESIDENT.STATUS,
          RESIDENT.VERSION,
          P_ID,
          P_RESIDENT,
          P_NAME,
          P_KIND,
          P_WORKPLACE,
          P_JOINED,
          P_GRID,
          P_SPECIALTIES,
          P_STATUS,
          P_VERSION);

  static final Condition PARTY_OF_RESIDENT =
      PARTY_MEMBER
          .COMMUNITY_ID
          .eq(RESIDENT.COMMUNITY_ID)
          .and(PARTY_MEMBER.RESIDENT_ID.eq(RESIDENT.ID));

  boolean gridExists(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.fetchExists(GRID, GRID.COMMUNITY_ID.eq(communityId), GRID.ID.eq(id));
  }

  boolean buildingExists(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.fetchExists(BUILDING, BUILDING.COMMUNITY_ID.eq(communityId), BUILDING.ID.eq(id));
  }

  /** A page of households, each with its residents and their party membership: one statement. */
  PageRows<Household> households(
      DSLContext dsl,
      UUID communityId,
      HouseholdFilter filter,
      RosterOrder order,
      RosterOrder.@Nullable After after,
      int limit,
      boolean counted) {
    Field<List<Resident>> residents =
        DSL.multiset(
                DSL.select(RESIDENT_COLUMNS)
                    .from(RESIDENT)
                    .leftJoin(PARTY_MEMBER)
                    .on(PARTY_OF_RESIDENT)
                    .where(
                        RESIDENT.COMMUNITY_ID.eq(HOUSEHOLD.COMMUNITY_ID),
                        RESIDENT.HOUSEHOLD_ID.eq(HOUSEHOLD.ID))
                    .orderBy(RESIDENT.OWNER.desc(), RESIDENT.ID))
            .as("residents")
            // NULL only on the row that carries a count alone (PageRows)
            .convertFrom(rows -> rows == null ? null : rows.map(RosterRepository::toResident));
    return PageRows.fetch(
        dsl,
        withBuilding(DSL.select(HOUSEHOLD.fields()).select(BUILDING.fields()).select(residents))
            .where(householdConditions(communityId, filter))
            .and(householdSeek(order, after))
            .orderBy(householdOrder(order))
            .limit(limit),
        counted ? householdCount(communityId, filter) : null,
        row -> toHousehold(row, row.get(residents)));
  }

  /** How many households the filter matches: {@code totalCount}. */
  private static Select<Record1<Integer>> householdCount(UUID communityId, HouseholdFilter filter) {
    return DSL.selectCount().from(HOUSEHOLD).where(householdConditions(communityId, filter));
  }

  /**
   * The statement that writes the same page as {@link #households} ({@code size} households, {@code
   * size + 1} rows read) as the connection's JSON for the {@code connection} selection; empty when
   * something selected cannot be written in SQL.
   */
  Optional<Select<Record1<JSON>>> householdsJson(
      UUID communityId,
      HouseholdFilter filter,
      RosterOrder order,
      RosterOrder.@Nullable After after,
      int size,
      List<SelectedField> connection) {
    Field<String> id = HOUSEHOLD.ID.cast(String.class);
    Field<String> separator = DSL.inline(RosterOrder.SEPARATOR);
    Field<String> cursorKey =
        order.field().equals("ADDRESS")
            ? BUILDING
                .NUMBER
                .concat(separator)
                .concat(HOUSEHOLD.UNIT)
                .concat(separator)
                .concat(HOUSEHOLD.ROOM)
                .concat(separator)
                .concat(id)
            : id;
    List<SortField<?>> sort = householdOrder(order);
    return JsonConnection.select(
        connection,
        RosterJson.HOUSEHOLD_SHAPE.asObjectField(),
        cursorKey,
        sort,
        size,
        after != null,
        householdCount(communityId, filter),
        columns ->
            // Ordered by ID, the page needs no building: reading households in key order, the
            // first size + 1 are the page. The address, when selected, looks its building up.
            (order.field().equals("ADDRESS")
                    ? withBuilding(DSL.select(columns))
                    : DSL.select(columns).from(HOUSEHOLD))
                .where(householdConditions(communityId, filter))
                .and(householdSeek(order, after))
                .orderBy(sort)
                .limit(size + 1));
  }

  /** Households with their building, which gives their address. */
  private static <R extends Record> SelectOnConditionStep<R> withBuilding(
      SelectSelectStep<R> select) {
    return select
        .from(HOUSEHOLD)
        .join(BUILDING)
        .on(
            BUILDING.COMMUNITY_ID.eq(HOUSEHOLD.COMMUNITY_ID),
            BUILDING.ID.eq(HOUSEHOLD.BUILDING_ID));
  }

  private static List<SortField<?>> householdOrder(RosterOrder order) {
    boolean desc = order.descending();
    List<SortField<?>> sort = new ArrayList<>();
    if (order.field().equals("ADDRESS")) {
      sort.addAll(
          List.of(
              dir(BUILDING.NUMBER, desc), dir(HOUSEHOLD.UNIT, desc), dir(HOUSEHOLD.ROOM, desc)));
    }
    sort.add(dir(HOUSEHOLD.ID, desc));
    return sort;
  }

  private static List<Condition> householdConditions(UUID communityId, HouseholdFilter filter) {
    List<Condition> where = new ArrayList<>();
    where.add(HOUSEHOLD.COMMUNITY_ID.eq(communityId));
    if (filter.gridId() != null) {
      where.add(HOUSEHOLD.GRID_ID.eq(filter.gridId()));
    }
    if (filter.buildingId() != null) {
      where.add(HOUSEHOLD.BUILDING_ID.eq(filter.buildingId()));
    }
    if (filter.withPartyMember() != null) {
      Condition hasParty =
          DSL.exists(
              DSL.selectOne()
                  .from(RESIDENT)
                  .join(PARTY_MEMBER)
                  .on(PARTY_OF_RESIDENT)
                  .where(
                      RESIDENT.COMMUNITY_ID.eq(HOUSEHOLD.COMMUNITY_ID),
                      RESIDENT.HOUSEHOLD_ID.eq(HOUSEHOLD.ID),
                      RESIDENT.STATUS.eq("ACTIVE")));
      where.add(filter.withPartyMember() ? hasParty : DSL.not(hasParty));
    }
    return where;
  }

  /** The households after the cursor, in {@code order}. */
  private static Condition householdSeek(RosterOrder order, RosterOrder.@Nullable After after) {
    if (after == null) {
      return DSL.noCondition();
    }
    boolean desc = order.descending();
    if (order.field().equals("ADDRESS")) {
      var key = DSL.row(BUILDING.NUMBER, HOUSEHOLD.UNIT, HOUSEHOLD.ROOM, HOUSEHOLD.ID);
      var at =
          DSL.row(after.values().get(0), after.values().get(1), after.values().get(2), after.id());
      return desc ? key.lt(at) : key.gt(at);
    }
    return desc ? HOUSEHOLD.ID.lt(after.id()) : HOUSEHOLD.ID.gt(after.id());
  }

  /** Households by id, without their residents (those load in a batch if asked for). */
  List<Household> householdsByIds(DSLContext dsl, Collection<UUID> ids) {
    return withBuilding(dsl.select(HOUSEHOLD.fields()).select(BUILDING.fields()))
        .where(HOUSEHOLD.ID.in(ids))
        .fetch(row -> toHousehold(row, null));
  }

  PageRows<Resident> residents(
      DSLContext dsl,
      UUID communityId,
      ResidentFilter filter,
      RosterOrder order,
      RosterOrder.@Nullable After after,
      int limit,
      boolean counted) {
    List<Condition> where = new ArrayList<>();
    where.add(RESIDENT.COMMUNITY_ID.eq(communityId));
    if (filter.householdId() != null) {
      where.add(RESIDENT.HOUSEHOLD_ID.eq(filter.householdId()));
    }
    if (filter.gridId() != null || filter.buildingId() != null) {
      where.add(
          DSL.exists(
              DSL.selectOne()
                  .from(HOUSEHOLD)
                  .where(
                      HOUSEHOLD.COMMUNITY_ID.eq(RESIDENT.COMMUNITY_ID),
                      HOUSEHOLD.ID.eq(RESIDENT.HOUSEHOLD_ID),
                      filter.gridId() == null
                          ? DSL.noCondition()
                          : HOUSEHOLD.GRID_ID.eq(filter.gridId()),
                      filter.buildingId() == null
                          ? DSL.noCondition()
                          : HOUSEHOLD.BUILDING_ID.eq(filter.buildingId()))));
    }
    if (filter.nameContains() != null) {
      where.add(RESIDENT.NAME.containsIgnoreCase(filter.nameContains()));
    }
    if (filter.statuses() != null) {
      where.add(RESIDENT.STATUS.in(filter.statuses()));
    }
    if (filter.owner() != null) {
      where.add(RESIDENT.OWNER.eq(filter.owner()));
    }
    if (filter.phoneHash() != null) {
      where.add(RESIDENT.PHONE_HASH.eq(filter.phoneHash()));
    }
    if (filter.idCardHash() != null) {
      where.add(RESIDENT.ID_CARD_HASH.eq(filter.idCardHash()));
    }
    List<Condition> seek = new ArrayList<>();
    boolean desc = order.descending();
    List<SortField<?>> sort = new ArrayList<>();
    switch (order.field()) {
      case "NAME" -> {
        sort.add(dir(RESIDENT.NAME, desc));
        if (after != null) {
          seek.add(seek(RESIDENT.NAME, after.values().get(0), RESIDENT.ID, after.id(), desc));
        }
      }
      case "BIRTH_YEAR" -> {
        Field<Integer> year = DSL.coalesce(RESIDENT.BIRTH_YEAR, 0);
        sort.add(dir(year, desc));
        if (after != null) {
          seek.add(seek(year, parseInt(after.values().get(0)), RESIDENT.ID, after.id(), desc));
        }
      }
      default -> {
        if (after != null) {
          seek.add(desc ? RESIDENT.ID.lt(after.id()) : RESIDENT.ID.gt(after.id()));
        }
      }
    }
    sort.add(dir(RESIDENT.ID, desc));
    return PageRows.fetch(
        dsl,
        DSL.select(RESIDENT_COLUMNS)
            .from(RESIDENT)
            .leftJoin(PARTY_MEMBER)
            .on(PARTY_OF_RESIDENT)
            .where(where)
            .and(DSL.and(seek))
            .orderBy(sort)
            .limit(limit),
        counted ? DSL.selectCount().from(RESIDENT).where(where) : null,
        RosterRepository::toResident);
  }

  List<Resident> residentsByIds(DSLContext dsl, Collection<UUID> ids) {
    return dsl.select(RESIDENT_COLUMNS)
        .from(RESIDENT)
        .leftJoin(PARTY_MEMBER)
        .on(PARTY_OF_RESIDENT)
        .where(RESIDENT.ID.in(ids))
        .fetch(RosterRepository::toResident);
  }

  List<Resident> residentsOfHouseholds(DSLContext dsl, Collection<UUID> householdIds) {
    return dsl.select(RESIDENT_COLUMNS)
        .from(RESIDENT)
        .leftJoin(PARTY_MEMBER)
        .on(PARTY_OF_RESIDENT)
        .where(RESIDENT.HOUSEHOLD_ID.in(householdIds))
        .orderBy(RESIDENT.OWNER.desc(), RESIDENT.ID)
        .fetch(RosterRepository::toResident);
  }

  PageRows<PartyMember> partyMembers(
      DSLContext dsl,
      UUID communityId,
      PartyMemberFilter filter,
      RosterOrder order,
      RosterOrder.@Nullable After after,
      int limit,
      boolean counted) {
    List<Condition> where = new ArrayList<>();
    where.add(PARTY_MEMBER.COMMUNITY_ID.eq(communityId));
    if (filter.kinds() != null) {
      where.add(PARTY_MEMBER.KIND.in(filter.kinds()));
    }
    if (filter.gridId() != null) {
      where.add(PARTY_MEMBER.GRID_ID.eq(filter.gridId()));
    }
    if (filter.specialty() != null) {
      where.add(PARTY_MEMBER.SPECIALTIES.contains(new String[] {filter.specialty()}));
    }
    if (filter.nameContains() != null) {
      where.add(
          DSL.coalesce(PARTY_MEMBER.NAME, RESIDENT.NAME).containsIgnoreCase(filter.nameContains()));
    }
    List<Condition> seek = new ArrayList<>();
    boolean desc = order.descending();
    List<SortField<?>> sort = new ArrayList<>();
    switch (order.field()) {
      case "NAME" -> {
        Field<String> name = DSL.coalesce(PARTY_MEMBER.NAME, RESIDENT.NAME);
        sort.add(dir(name, desc));
        if (after != null) {
          seek.add(seek(name, after.values().get(0), PARTY_MEMBER.ID, after.id(), desc));
        }
      }
      case "JOINED_ON" -> {
        Field<LocalDate> joined = DSL.coalesce(PARTY_MEMBER.JOINED_ON, NO_DATE);
        sort.add(dir(joined, desc));
        if (after != null) {
          seek.add(
              seek(joined, parseDate(after.values().get(0)), PARTY_MEMBER.ID, after.id(), desc));
        }
      }
      default -> {
        if (after != null) {
          seek.add(desc ? PARTY_MEMBER.ID.lt(after.id()) : PARTY_MEMBER.ID.gt(after.id()));
        }
      }
    }
    sort.add(dir(PARTY_MEMBER.ID, desc));
    return PageRows.fetch(
        dsl,
        partyMemberQuery(DSL.select(PARTY_MEMBER.fields()).select(RESIDENT.NAME))
            .where(where)
            .and(DSL.and(seek))
            .orderBy(sort)
            .limit(limit),
        counted ? partyMemberQuery(DSL.selectCount()).where(where) : null,
        RosterRepository::toPartyMember);
  }

  List<PartyMember> partyMembersByIds(DSLContext dsl, Collection<UUID> ids) {
    return partyMemberQuery(dsl.select(PARTY_MEMBER.fields()).select(RESIDENT.NAME))
        .where(PARTY_MEMBER.ID.in(ids))
        .fetch(RosterRepository::toPartyMember);
  }

  /** Party members with their resident's name (a member's own name may be left out). */
  private static <R extends Record> SelectOnConditionStep<R> partyMemberQuery(
      SelectSelectStep<R> select) {
    return select
        .from(PARTY_MEMBER)
        .leftJoin(RESIDENT)
        .on(
            RESIDENT.COMMUNITY_ID.eq(PARTY_MEMBER.COMMUNITY_ID),
            RESIDENT.ID.eq(PARTY_MEMBER.RESIDENT_ID));
  }

  /** Encrypted phone or ID-card numbers of residents, by resident id. */
  Map<UUID, byte[]> ciphers(DSLContext dsl, Collection<UUID> residentIds, PersonalField field) {
    Field<byte[]> column =
        field == PersonalField.PHONE ? RESIDENT.PHONE_CIPHER : RESIDENT.ID_CARD_CIPHER;
    return dsl.select(RESIDENT.ID, column)
        .from(RESIDENT)
        .where(RESIDENT.ID.in(residentIds), column.isNotNull())
        .fetchMap(RESIDENT.ID, column);
  }

  /** Records that the acting user read these residents' field unmasked: one statement. */
  void recordAccess(
      DSLContext dsl, String actorId, Map<UUID, UUID> communityByResident, PersonalField field) {
    if (communityByResident.isEmpty()) {
      return;
    }
    InsertValuesStep5<PersonalDataAccessRecord, UUID, UUID, String, UUID, String> insert =
        dsl.insertInto(
            PERSONAL_DATA_ACCESS,
            PERSONAL_DATA_ACCESS.COMMUNITY_ID,
            PERSONAL_DATA_ACCESS.ID,
            PERSONAL_DATA_ACCESS.ACTOR_ID,
            PERSONAL_DATA_ACCESS.RESIDENT_ID,
            PERSONAL_DATA_ACCESS.FIELD);
    communityByResident.forEach(
        (resident, community) ->
            insert.values(community, Ids.newId(), actorId, resident, field.name()));
    insert.execute();
  }

  /** Where members without a joining date sort: before everyone in ascending order. */
  static final LocalDate NO_DATE = LocalDate.of(1900, 1, 1);

  private static SortField<?> dir(Field<?> field, boolean descending) {
    return descending ? field.desc() : field.asc();
  }

  private static <T> Condition seek(
      Field<T> field, T value, Field<UUID> id, UUID afterId, boolean descending) {
    return descending
        ? DSL.row(field, id).lt(value, afterId)
        : DSL.row(field, id).gt(value, afterId);
  }

  private static int parseInt(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw org.redgovernance.api.graphql.ApiException.badInput(
          "after is not a cursor of this ordering");
    }
  }

  private static LocalDate parseDate(String value) {
    try {
      return LocalDate.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw org.redgovernance.api.graphql.ApiException.badInput(
          "after is not a cursor of this ordering");
    }
  }

  private static Household toHousehold(Record row, @Nullable List<Resident> residents) {
    return new Household(
        row.get(HOUSEHOLD.COMMUNITY_ID),
        row.get(HOUSEHOLD.ID),
        row.get(BUILDING.ID),
        row.get(BUILDING.NUMBER),
        row.get(HOUSEHOLD.UNIT),
        row.get(HOUSEHOLD.ROOM),
        row.get(HOUSEHOLD.GRID_ID),
        row.get(HOUSEHOLD.VERSION),
        residents);
  }

  private static Resident toResident(Record row) {
    UUID partyId = row.get(P_ID);
    PartyMember party =
        partyId == null
            ? null
            : new PartyMember(
                row.get(RESIDENT.COMMUNITY_ID),
                partyId,
                row.get(P_RESIDENT),
                row.get(RESIDENT.NAME),
                row.get(P_KIND),
                row.get(P_WORKPLACE),
                row.get(P_JOINED),
                row.get(P_GRID),
                specialties(row.get(P_SPECIALTIES)),
                row.get(P_STATUS),
                row.get(P_VERSION));
    return new Resident(
        row.get(RESIDENT.COMMUNITY_ID),
        row.get(RESIDENT.ID),
        row.get(RESIDENT.HOUSEHOLD_ID),
        row.get(RESIDENT.NAME),
        row.get(RESIDENT.GENDER),
        row.get(RESIDENT.BIRTH_YEAR),
        row.get(RESIDENT.PHONE_MASKED),
        row.get(RESIDENT.ID_CARD_MASKED),
        row.get(RESIDENT.OWNER),
        row.get(RESIDENT.MOVED_IN_ON),
        row.get(RESIDENT.MOVED_OUT_ON),
        row.get(RESIDENT.STATUS),
        row.get(RESIDENT.VERSION),
        party);
  }

  private static PartyMember toPartyMember(Record row) {
    String name = row.get(PARTY_MEMBER.NAME);
    return new PartyMember(
        row.get(PARTY_MEMBER.COMMUNITY_ID),
        row.get(PARTY_MEMBER.ID),
        row.get(PARTY_MEMBER.RESIDENT_ID),
        name != null ? name : row.get(RESIDENT.NAME),
        row.get(PARTY_MEMBER.KIND),
        row.get(PARTY_MEMBER.WORKPLACE),
        row.get(PARTY_MEMBER.JOINED_ON),
        row.get(PARTY_MEMBER.GRID_ID),
        specialties(row.get(PARTY_MEMBER.SPECIALTIES)),
        row.get(PARTY_MEMBER.STATUS),
        row.get(PARTY_MEMBER.VERSION));
  }

  private static List<String> specialties(String @Nullable [] values) {
    return values == null ? List.of() : List.of(values);
  }
}
