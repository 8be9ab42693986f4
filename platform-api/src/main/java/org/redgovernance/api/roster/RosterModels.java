package org.redgovernance.api.roster;

import static org.redgovernance.database.jooq.Tables.BUILDING;
import static org.redgovernance.database.jooq.Tables.GRID;
import static org.redgovernance.database.jooq.Tables.HOUSEHOLD;
import static org.redgovernance.database.jooq.Tables.PARTY_MEMBER;
import static org.redgovernance.database.jooq.Tables.RESIDENT;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.communities.CommunityModels;
import org.redgovernance.api.graphql.FilterValues;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.readmodel.Arguments;
import org.redgovernance.api.readmodel.InCommunities;
import org.redgovernance.api.readmodel.Keyset;
import org.redgovernance.api.readmodel.ModelRef;
import org.redgovernance.api.readmodel.ObjectModel;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.tenancy.ReachableCommunity;
import org.redgovernance.database.PersonalDataCipher;
import org.redgovernance.database.jooq.tables.Building;
import org.redgovernance.database.jooq.tables.Community;
import org.redgovernance.database.jooq.tables.Grid;
import org.redgovernance.database.jooq.tables.Household;
import org.redgovernance.database.jooq.tables.PartyMember;
import org.redgovernance.database.jooq.tables.Resident;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The roster's types as the read model declares them — {@code Grid}, {@code Building}, {@code
 * Household}, {@code Resident}, {@code PartyMember} — and the roster's connections on {@code
 * Community}. Only the community's staff and the street read the roster: for anyone else its rows
 * do not exist, and its connections on {@code Community} are refused. Phone and ID-card numbers are
 * masked in SQL; the community's admin and secretary get them unmasked, revealed by {@link
 * PersonalDataKeeper}, which records each reading.
 */
@Configuration(proxyBeanMethods = false)
public class RosterModels {

  static final ModelRef<Grid> GRIDS = new ModelRef<>(RosterTypes.GRID, GRID::as);
  static final ModelRef<Building> BUILDINGS = new ModelRef<>(RosterTypes.BUILDING, BUILDING::as);
  static final ModelRef<Household> HOUSEHOLDS =
      new ModelRef<>(RosterTypes.HOUSEHOLD, HOUSEHOLD::as);

  /** Residents, for features that add fields to them. */
  public static final ModelRef<Resident> RESIDENTS =
      new ModelRef<>(RosterTypes.RESIDENT, RESIDENT::as);

  /** Party members, for features that add fields to them. */
  public static final ModelRef<PartyMember> PARTY_MEMBERS =
      new ModelRef<>(RosterTypes.PARTY_MEMBER, PARTY_MEMBER::as);

  static final String ROSTER_REFUSED =
      "Only the community's staff and street roles may read its roster";

  /** Where members without a joining date sort: before everyone in ascending order. */
  static final LocalDate NO_DATE = LocalDate.of(1900, 1, 1);

  @Bean
  ObjectModel<Grid> gridModel() {
    return ObjectModel.of(GRIDS)
        .rows((grid, request) -> rosterReadable(grid.COMMUNITY_ID, request))
        .id(grid -> grid.COMMUNITY_ID, grid -> grid.ID)
        .value("name", grid -> grid.NAME)
        .value("partyBranchName", grid -> grid.PARTY_BRANCH_NAME)
        .value("workerName", grid -> grid.WORKER_NAME)
        .value("version", grid -> grid.VERSION)
        .build();
  }

  @Bean
  ObjectModel<Building> buildingModel() {
    return ObjectModel.of(BUILDINGS)
        .rows((building, request) -> rosterReadable(building.COMMUNITY_ID, request))
        .id(building -> building.COMMUNITY_ID, building -> building.ID)
        .value("number", building -> building.NUMBER)
        .value("units", building -> building.UNITS)
        .value("version", building -> building.VERSION)
        .reference(
            "grid",
            GRIDS,
            grid -> List.of(grid.COMMUNITY_ID, grid.ID),
            building -> List.of(building.COMMUNITY_ID, building.GRID_ID))
        .build();
  }

  @Bean
  ObjectModel<Household> householdModel() {
    return ObjectModel.of(HOUSEHOLDS)
        .rows((household, request) -> rosterReadable(household.COMMUNITY_ID, request))
        .id(household -> household.COMMUNITY_ID, household -> household.ID)
        .value(
            "address",
            household ->
                buildingNumber(household)
                    .concat(DSL.inline("-"), household.UNIT, DSL.inline("-"), household.ROOM))
        .reference(
            "building",
            BUILDINGS,
            building -> List.of(building.COMMUNITY_ID, building.ID),
            household -> List.of(household.COMMUNITY_ID, household.BUILDING_ID))
        .value("unit", household -> household.UNIT)
        .value("room", household -> household.ROOM)
        .reference(
            "grid",
            GRIDS,
            grid -> List.of(grid.COMMUNITY_ID, grid.ID),
            household -> List.of(household.COMMUNITY_ID, household.GRID_ID))
        .list(
            "residents",
            RESIDENTS,
            // the residents living there: not those who moved out
            (household, resident) ->
                resident
                    .COMMUNITY_ID
                    .eq(household.COMMUNITY_ID)
                    .and(resident.HOUSEHOLD_ID.eq(household.ID))
                    .and(resident.STATUS.eq("ACTIVE")),
            resident -> List.of(resident.OWNER.desc(), resident.ID))
        .value("version", household -> household.VERSION)
        .build();
  }

  @Bean
  ObjectModel<Resident> residentModel() {
    return ObjectModel.of(RESIDENTS)
        .rows((resident, request) -> rosterReadable(resident.COMMUNITY_ID, request))
        .id(resident -> resident.COMMUNITY_ID, resident -> resident.ID)
        .value("name", resident -> resident.NAME)
        .value("gender", resident -> resident.GENDER)
        .value("birthYear", resident -> resident.BIRTH_YEAR)
        .secret(
            "phone",
            PersonalField.PHONE.name(),
            resident -> resident.PHONE_MASKED,
            resident -> resident.PHONE_CIPHER,
            ReachableCommunity::maySeePersonalData)
        .secret(
            "idCardNumber",
            PersonalField.ID_CARD.name(),
            resident -> resident.ID_CARD_MASKED,
            resident -> resident.ID_CARD_CIPHER,
            ReachableCommunity::maySeePersonalData)
        .value("owner", resident -> resident.OWNER)
        .date("movedInOn", resident -> resident.MOVED_IN_ON)
        .date("movedOutOn", resident -> resident.MOVED_OUT_ON)
        .value("status", resident -> resident.STATUS)
        .reference(
            "household",
            HOUSEHOLDS,
            household -> List.of(household.COMMUNITY_ID, household.ID),
            resident -> List.of(resident.COMMUNITY_ID, resident.HOUSEHOLD_ID))
        .reference(
            "partyMembership",
            PARTY_MEMBERS,
            member -> List.of(member.COMMUNITY_ID, member.RESIDENT_ID),
            resident -> List.of(resident.COMMUNITY_ID, resident.ID))
        .value("version", resident -> resident.VERSION)
        .build();
  }

  @Bean
  ObjectModel<PartyMember> partyMemberModel() {
    return ObjectModel.of(PARTY_MEMBERS)
        .rows((member, request) -> rosterReadable(member.COMMUNITY_ID, request))
        .id(member -> member.COMMUNITY_ID, member -> member.ID)
        .value("name", RosterModels::memberName)
        .value("kind", member -> member.KIND)
        .value("workplace", member -> member.WORKPLACE)
        .date("joinedOn", member -> member.JOINED_ON)
        .reference(
            "branch",
            GRIDS,
            grid -> List.of(grid.COMMUNITY_ID, grid.ID),
            member -> List.of(member.COMMUNITY_ID, member.GRID_ID))
        .value(
            "specialties",
            member -> DSL.coalesce(member.SPECIALTIES, DSL.field("'{}'::text[]", String[].class)))
        .value("status", member -> member.STATUS)
        .reference(
            "resident",
            RESIDENTS,
            resident -> List.of(resident.COMMUNITY_ID, resident.ID),
            member -> List.of(member.COMMUNITY_ID, member.RESIDENT_ID))
        .value("version", member -> member.VERSION)
        .build();
  }

  /** The roster's connections on {@code Community}. */
  @Bean
  ObjectModel<Community> communityRoster(
      PersonalDataCipher cipher, PersonalDataReader personalData) {
    return ObjectModel.extension(CommunityModels.COMMUNITIES)
        .connection(
            "grids",
            GRIDS,
            (community, grid) -> grid.COMMUNITY_ID.eq(community.ID),
            Keyset.byId(grid -> grid.ID),
            (grid, arguments) -> DSL.noCondition())
        .readableIf("grids", ReachableCommunity::mayReadRoster, ROSTER_REFUSED)
        .connection(
            "buildings",
            BUILDINGS,
            (community, building) -> building.COMMUNITY_ID.eq(community.ID),
            Keyset.byId(building -> building.ID),
            (building, arguments) ->
                matches(
                    building.COMMUNITY_ID,
                    building.GRID_ID,
                    arguments.get("gridId"),
                    RosterTypes.GRID))
        .readableIf("buildings", ReachableCommunity::mayReadRoster, ROSTER_REFUSED)
        .connection(
            "households",
            HOUSEHOLDS,
            (community, household) -> household.COMMUNITY_ID.eq(community.ID),
            arguments -> householdOrder(RosterOrder.of(arguments)),
            (household, arguments) ->
                householdFilter(household, Arguments.input(arguments, "filter")))
        .readableIf("households", ReachableCommunity::mayReadRoster, ROSTER_REFUSED)
        .connection(
            "residents",
            RESIDENTS,
            (community, resident) -> resident.COMMUNITY_ID.eq(community.ID),
            arguments -> residentOrder(RosterOrder.of(arguments)),
            (resident, arguments) ->
                residentFilter(resident, Arguments.input(arguments, "filter"), cipher))
        .readableIf("residents", ReachableCommunity::mayReadRoster, ROSTER_REFUSED)
        .recordedIf("residents", personalData::lookup)
        .connection(
            "partyMembers",
            PARTY_MEMBERS,
            (community, member) -> member.COMMUNITY_ID.eq(community.ID),
            arguments -> partyMemberOrder(RosterOrder.of(arguments)),
            (member, arguments) -> partyMemberFilter(member, Arguments.input(arguments, "filter")))
        .readableIf("partyMembers", ReachableCommunity::mayReadRoster, ROSTER_REFUSED)
        .build();
  }

  // --- orderings

  private static Keyset<Household> householdOrder(RosterOrder order) {
    return order.field().equals("ADDRESS")
        ? order.keyset(
            household -> household.ID,
            List.of(
                RosterOrder.Part.text(RosterModels::buildingNumber),
                RosterOrder.Part.text(household -> household.UNIT),
                RosterOrder.Part.text(household -> household.ROOM)))
        : order.keyset(household -> household.ID, List.of());
  }

  private static Keyset<Resident> residentOrder(RosterOrder order) {
    return switch (order.field()) {
      case "NAME" ->
          order.keyset(
              resident -> resident.ID, List.of(RosterOrder.Part.text(resident -> resident.NAME)));
      case "BIRTH_YEAR" ->
          order.keyset(
              resident -> resident.ID,
              List.of(
                  RosterOrder.Part.whole(
                      resident -> DSL.coalesce(resident.BIRTH_YEAR, DSL.inline(0)))));
      default -> order.keyset(resident -> resident.ID, List.of());
    };
  }

  private static Keyset<PartyMember> partyMemberOrder(RosterOrder order) {
    return switch (order.field()) {
      case "NAME" ->
          order.keyset(
              member -> member.ID, List.of(RosterOrder.Part.text(RosterModels::memberName)));
      case "JOINED_ON" ->
          order.keyset(
              member -> member.ID,
              List.of(
                  RosterOrder.Part.date(
                      member -> DSL.coalesce(member.JOINED_ON, DSL.inline(NO_DATE)))));
      default -> order.keyset(member -> member.ID, List.of());
    };
  }

  // --- filters: every field left out matches all

  private static Condition householdFilter(Household household, Map<String, Object> filter) {
    Condition where =
        matches(household.COMMUNITY_ID, household.GRID_ID, filter.get("gridId"), RosterTypes.GRID)
            .and(
                matches(
                    household.COMMUNITY_ID,
                    household.BUILDING_ID,
                    filter.get("buildingId"),
                    RosterTypes.BUILDING));
    Boolean withPartyMember = (Boolean) filter.get("withPartyMember");
    if (withPartyMember == null) {
      return where;
    }
    Resident resident = RESIDENT.as("with_party_resident");
    PartyMember member = PARTY_MEMBER.as("with_party_member");
    Condition hasParty =
        DSL.exists(
            DSL.selectOne()
                .from(resident)
                .join(member)
                .on(
                    member.COMMUNITY_ID.eq(resident.COMMUNITY_ID),
                    member.RESIDENT_ID.eq(resident.ID))
                .where(
                    resident.COMMUNITY_ID.eq(household.COMMUNITY_ID),
                    resident.HOUSEHOLD_ID.eq(household.ID),
                    resident.STATUS.eq("ACTIVE")));
    return where.and(withPartyMember ? hasParty : DSL.not(hasParty));
  }

  @SuppressWarnings("unchecked")
  private static Condition residentFilter(
      Resident resident, Map<String, Object> filter, PersonalDataCipher cipher) {
    Condition where =
        matches(
            resident.COMMUNITY_ID,
            resident.HOUSEHOLD_ID,
            filter.get("householdId"),
            RosterTypes.HOUSEHOLD);
    if (filter.get("gridId") != null || filter.get("buildingId") != null) {
      Household household = HOUSEHOLD.as("filter_household");
      where =
          where.and(
              DSL.exists(
                  DSL.selectOne()
                      .from(household)
                      .where(
                          household.COMMUNITY_ID.eq(resident.COMMUNITY_ID),
                          household.ID.eq(resident.HOUSEHOLD_ID),
                          matches(
                              household.COMMUNITY_ID,
                              household.GRID_ID,
                              filter.get("gridId"),
                              RosterTypes.GRID),
                          matches(
                              household.COMMUNITY_ID,
                              household.BUILDING_ID,
                              filter.get("buildingId"),
                              RosterTypes.BUILDING))));
    }
    String name = RosterRules.blankToNull((String) filter.get("name"));
    if (name != null) {
      where = where.and(resident.NAME.containsIgnoreCase(name));
    }
    List<String> statuses =
        FilterValues.anyOf((List<String>) filter.get("statuses"), (String) filter.get("status"));
    if (statuses != null) {
      where = where.and(resident.STATUS.in(statuses));
    }
    Boolean owner = (Boolean) filter.get("owner");
    if (owner != null) {
      where = where.and(resident.OWNER.eq(owner));
    }
    // only the admin and secretary may look up by number, each lookup recorded: recordedIf above
    return where.and(withNumbers(resident, NumberLookup.of(filter, cipher)));
  }

  @SuppressWarnings("unchecked")
  private static Condition partyMemberFilter(PartyMember member, Map<String, Object> filter) {
    Condition where =
        matches(member.COMMUNITY_ID, member.GRID_ID, filter.get("gridId"), RosterTypes.GRID);
    List<String> kinds =
        FilterValues.anyOf((List<String>) filter.get("kinds"), (String) filter.get("kind"));
    if (kinds != null) {
      where = where.and(member.KIND.in(kinds));
    }
    String specialty = RosterRules.blankToNull((String) filter.get("specialty"));
    if (specialty != null) {
      where = where.and(member.SPECIALTIES.contains(new String[] {specialty}));
    }
    String name = RosterRules.blankToNull((String) filter.get("name"));
    if (name != null) {
      where = where.and(memberName(member).containsIgnoreCase(name));
    }
    return where;
  }

  /**
   * Rows whose reference ({@code community}, {@code reference}) is the object of the global id
   * {@code given} of {@code type}; an id of another type or community matches nothing.
   */
  private static Condition matches(
      Field<UUID> community, Field<UUID> reference, @Nullable Object given, String type) {
    if (given == null) {
      return DSL.noCondition();
    }
    return GlobalId.decode((String) given, type)
        .map(id -> community.eq(id.communityId()).and(reference.eq(id.id())))
        .orElse(DSL.falseCondition());
  }

  /** The residents with the looked-up numbers; every resident when none is looked up. */
  static Condition withNumbers(Resident resident, NumberLookup lookup) {
    Condition where = DSL.noCondition();
    if (lookup.phoneHash() != null) {
      where = where.and(resident.PHONE_HASH.eq(lookup.phoneHash()));
    }
    if (lookup.idCardHash() != null) {
      where = where.and(resident.ID_CARD_HASH.eq(lookup.idCardHash()));
    }
    return where;
  }

  // --- what the roster publishes of itself to other features' declarations

  /** How many households the community has. */
  public static Field<Integer> households(Field<UUID> community) {
    Household household = HOUSEHOLD.as("counted_household");
    return DSL.field(DSL.selectCount().from(household).where(household.COMMUNITY_ID.eq(community)));
  }

  /** How many residents live in the community now. */
  public static Field<Integer> residentsLivingThere(Field<UUID> community) {
    Resident resident = RESIDENT.as("counted_resident");
    return DSL.field(
        DSL.selectCount()
            .from(resident)
            .where(resident.COMMUNITY_ID.eq(community), resident.STATUS.eq("ACTIVE")));
  }

  /** Whether the resident {@code resident} of the community lives there now (not moved out). */
  public static org.jooq.Condition livesThere(Field<UUID> community, Field<UUID> resident) {
    Resident living = RESIDENT.as("living_resident");
    return DSL.exists(
        DSL.selectOne()
            .from(living)
            .where(
                living.COMMUNITY_ID.eq(community),
                living.ID.eq(resident),
                living.STATUS.eq("ACTIVE")));
  }

  /** How many active party members of {@code kind} (null: of every kind) the community has. */
  public static Field<Integer> activePartyMembers(
      Field<UUID> community, @Nullable Field<String> kind) {
    PartyMember member = PARTY_MEMBER.as("counted_member");
    return DSL.field(
        DSL.selectCount()
            .from(member)
            .where(
                member.COMMUNITY_ID.eq(community),
                member.STATUS.eq("ACTIVE"),
                kind == null ? DSL.noCondition() : member.KIND.eq(kind)));
  }

  /** How many households have a resident living there who is an active party member (党员户). */
  public static Field<Integer> householdsWithPartyMember(Field<UUID> community) {
    Resident resident = RESIDENT.as("party_household_resident");
    return DSL.field(
        DSL.select(DSL.countDistinct(resident.HOUSEHOLD_ID))
            .from(resident)
            .where(
                resident.COMMUNITY_ID.eq(community),
                resident.STATUS.eq("ACTIVE"),
                isActivePartyMember(community, resident.ID)));
  }

  /** Whether the resident is an active party member. */
  public static Condition isActivePartyMember(Field<UUID> community, Field<UUID> resident) {
    PartyMember member = PARTY_MEMBER.as("membership_of_resident");
    return DSL.exists(
        DSL.selectOne()
            .from(member)
            .where(
                member.COMMUNITY_ID.eq(community),
                member.RESIDENT_ID.eq(resident),
                member.STATUS.eq("ACTIVE")));
  }

  /** The name of a resident, or of a party member (their resident's for a resident member). */
  public static Field<String> personName(
      Field<UUID> community, Field<UUID> resident, Field<UUID> partyMember) {
    Resident person = RESIDENT.as("named_resident");
    PartyMember member = PARTY_MEMBER.as("named_member");
    return DSL.coalesce(
        DSL.field(
            DSL.select(person.NAME)
                .from(person)
                .where(person.COMMUNITY_ID.eq(community), person.ID.eq(resident))),
        DSL.field(
            DSL.select(memberName(member))
                .from(member)
                .where(member.COMMUNITY_ID.eq(community), member.ID.eq(partyMember))));
  }

  // --- values read in more than one place

  /** A household's building number, the first part of its address. */
  private static Field<String> buildingNumber(Household household) {
    Building building = BUILDING.as("address_building");
    return DSL.field(
        DSL.select(building.NUMBER)
            .from(building)
            .where(
                building.COMMUNITY_ID.eq(household.COMMUNITY_ID),
                building.ID.eq(household.BUILDING_ID)));
  }

  /** A party member's name: their own for a member from outside, their resident's otherwise. */
  private static Field<String> memberName(PartyMember member) {
    Resident resident = RESIDENT.as("member_resident");
    return DSL.coalesce(
        member.NAME,
        DSL.field(
            DSL.select(resident.NAME)
                .from(resident)
                .where(
                    resident.COMMUNITY_ID.eq(member.COMMUNITY_ID),
                    resident.ID.eq(member.RESIDENT_ID))));
  }

  /** Roster rows only of the communities whose roster the caller may read. */
  private static Condition rosterReadable(Field<UUID> community, ReadRequest request) {
    return InCommunities.where(community, request.scope(), ReachableCommunity::mayReadRoster);
  }
}
