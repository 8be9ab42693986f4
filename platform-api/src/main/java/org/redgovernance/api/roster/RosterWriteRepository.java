package org.redgovernance.api.roster;

import static org.redgovernance.api.tenancy.TenantRows.putIfGiven;
import static org.redgovernance.database.jooq.Tables.BUILDING;
import static org.redgovernance.database.jooq.Tables.GRID;
import static org.redgovernance.database.jooq.Tables.HOUSEHOLD;
import static org.redgovernance.database.jooq.Tables.PARTY_MEMBER;
import static org.redgovernance.database.jooq.Tables.RESIDENT;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.tenancy.TenantRows;
import org.redgovernance.database.IdCardNumbers;
import org.redgovernance.database.PersonalDataCipher;
import org.redgovernance.database.PhoneNumbers;
import org.springframework.stereotype.Repository;

/** Changes to the roster. Every method runs inside a tenant write transaction. */
@Repository
class RosterWriteRepository {

  private final PersonalDataCipher cipher;

  RosterWriteRepository(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  /** The grid of a building of this community, if the building exists. */
  Optional<@Nullable UUID> buildingGrid(DSLContext dsl, UUID communityId, UUID buildingId) {
    return dsl.select(BUILDING.GRID_ID)
        .from(BUILDING)
        .where(BUILDING.COMMUNITY_ID.eq(communityId), BUILDING.ID.eq(buildingId))
        .fetchOptional(row -> row.value1());
  }

  static ResultQuery<? extends Record> insertGrid(
      UUID communityId,
      UUID id,
      String name,
      @Nullable String partyBranchName,
      @Nullable String workerName) {
    return DSL.insertInto(GRID)
        .set(GRID.COMMUNITY_ID, communityId)
        .set(GRID.ID, id)
        .set(GRID.NAME, name)
        .set(GRID.PARTY_BRANCH_NAME, partyBranchName)
        .set(GRID.WORKER_NAME, workerName)
        .returningResult(GRID.COMMUNITY_ID, GRID.ID);
  }

  static ResultQuery<? extends Record> insertBuilding(
      UUID communityId, UUID id, String number, int units, @Nullable UUID gridId) {
    return DSL.insertInto(BUILDING)
        .set(BUILDING.COMMUNITY_ID, communityId)
        .set(BUILDING.ID, id)
        .set(BUILDING.NUMBER, number)
        .set(BUILDING.UNITS, units)
        .set(BUILDING.GRID_ID, gridId)
        .returningResult(BUILDING.COMMUNITY_ID, BUILDING.ID);
  }

  static ResultQuery<? extends Record> insertHousehold(
      UUID communityId, UUID id, UUID buildingId, String unit, String room, @Nullable UUID gridId) {
    return DSL.insertInto(HOUSEHOLD)
        .set(HOUSEHOLD.COMMUNITY_ID, communityId)
        .set(HOUSEHOLD.ID, id)
        .set(HOUSEHOLD.BUILDING_ID, buildingId)
        .set(HOUSEHOLD.UNIT, unit)
        .set(HOUSEHOLD.ROOM, room)
        .set(HOUSEHOLD.GRID_ID, gridId)
        .returningResult(HOUSEHOLD.COMMUNITY_ID, HOUSEHOLD.ID);
  }

  boolean householdExists(DSLContext dsl, UUID communityId, UUID householdId) {
    return dsl.fetchExists(
        HOUSEHOLD, HOUSEHOLD.COMMUNITY_ID.eq(communityId), HOUSEHOLD.ID.eq(householdId));
  }

  /** Another resident of the community already registered with this ID-card number. */
  boolean idCardTaken(
      DSLContext dsl, UUID communityId, String idCardNumber, @Nullable UUID except) {
    return dsl.fetchExists(
        RESIDENT,
        RESIDENT.COMMUNITY_ID.eq(communityId),
        RESIDENT.ID_CARD_HASH.eq(cipher.lookupHash(idCardNumber)),
        except == null ? DSL.noCondition() : RESIDENT.ID.ne(except));
  }

  /** A new resident, their protected facts encrypted, hashed and masked. */
  ResultQuery<? extends Record> insertResident(
      UUID communityId,
      UUID id,
      UUID householdId,
      ResidentFacts facts,
      boolean owner,
      @Nullable LocalDate movedInOn) {
    Map<Field<?>, Object> values = new HashMap<>(personalColumns(facts));
    values.put(RESIDENT.COMMUNITY_ID, communityId);
    values.put(RESIDENT.ID, id);
    values.put(RESIDENT.HOUSEHOLD_ID, householdId);
    values.put(RESIDENT.NAME, facts.name());
    values.put(RESIDENT.GENDER, facts.gender());
    values.put(RESIDENT.BIRTH_YEAR, facts.birthYear());
    values.put(RESIDENT.OWNER, owner);
    values.put(RESIDENT.MOVED_IN_ON, movedInOn);
    return DSL.insertInto(RESIDENT).set(values).returningResult(RESIDENT.COMMUNITY_ID, RESIDENT.ID);
  }

  /** The given changes, if the resident is still at {@code expectedVersion}. */
  static ResultQuery<? extends Record> updateResident(
      UUID communityId, UUID id, @Nullable Integer expectedVersion, Map<Field<?>, Object> changes) {
    return TenantRows.updating(RESIDENT, communityId, id, expectedVersion, changes);
  }

  /** Whether a resident has moved out, and when they moved in. */
  record Stay(boolean movedOut, @Nullable LocalDate movedInOn) {}

  Optional<Stay> stay(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.select(RESIDENT.STATUS, RESIDENT.MOVED_IN_ON)
        .from(RESIDENT)
        .where(RESIDENT.COMMUNITY_ID.eq(communityId), RESIDENT.ID.eq(id))
        .fetchOptional(row -> new Stay(row.value1().equals("MOVED_OUT"), row.value2()));
  }

  boolean residentExists(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.fetchExists(RESIDENT, RESIDENT.COMMUNITY_ID.eq(communityId), RESIDENT.ID.eq(id));
  }

  /** Deletes the resident if still at {@code expectedVersion}. */
  static ResultQuery<? extends Record> deleteResident(
      UUID communityId, UUID id, @Nullable Integer expectedVersion) {
    return TenantRows.deleting(RESIDENT, communityId, id, expectedVersion);
  }

  /** The columns an update of these facts changes: only the facts that are given. */
  Map<Field<?>, Object> residentChanges(
      ResidentFacts facts, @Nullable Boolean owner, @Nullable UUID householdId) {
    Map<Field<?>, Object> changes = new HashMap<>(personalColumns(facts));
    putIfGiven(changes, RESIDENT.NAME, facts.name());
    putIfGiven(changes, RESIDENT.GENDER, facts.gender());
    putIfGiven(changes, RESIDENT.BIRTH_YEAR, facts.birthYear());
    putIfGiven(changes, RESIDENT.OWNER, owner);
    putIfGiven(changes, RESIDENT.HOUSEHOLD_ID, householdId);
    return changes;
  }

  Map<Field<?>, Object> moveOutChanges(LocalDate movedOutOn) {
    Map<Field<?>, Object> changes = new HashMap<>();
    changes.put(RESIDENT.STATUS, "MOVED_OUT");
    changes.put(RESIDENT.MOVED_OUT_ON, movedOutOn);
    return changes;
  }

  boolean residentIsPartyMember(DSLContext dsl, UUID communityId, UUID residentId) {
    return dsl.fetchExists(
        PARTY_MEMBER,
        PARTY_MEMBER.COMMUNITY_ID.eq(communityId),
        PARTY_MEMBER.RESIDENT_ID.eq(residentId));
  }

  static ResultQuery<? extends Record> insertPartyMember(
      UUID communityId,
      UUID id,
      @Nullable UUID residentId,
      @Nullable String name,
      String kind,
      @Nullable String workplace,
      @Nullable LocalDate joinedOn,
      @Nullable UUID gridId,
      List<String> specialties) {
    return DSL.insertInto(PARTY_MEMBER)
        .set(PARTY_MEMBER.COMMUNITY_ID, communityId)
        .set(PARTY_MEMBER.ID, id)
        .set(PARTY_MEMBER.RESIDENT_ID, residentId)
        .set(PARTY_MEMBER.NAME, name)
        .set(PARTY_MEMBER.KIND, kind)
        .set(PARTY_MEMBER.WORKPLACE, workplace)
        .set(PARTY_MEMBER.JOINED_ON, joinedOn)
        .set(PARTY_MEMBER.GRID_ID, gridId)
        .set(PARTY_MEMBER.SPECIALTIES, specialties.toArray(String[]::new))
        .returningResult(PARTY_MEMBER.COMMUNITY_ID, PARTY_MEMBER.ID);
  }

  /** The given changes, if the member is still at {@code expectedVersion}. */
  static ResultQuery<? extends Record> updatePartyMember(
      UUID communityId,
      UUID id,
      @Nullable Integer expectedVersion,
      @Nullable String kind,
      @Nullable String workplace,
      @Nullable UUID gridId,
      @Nullable List<String> specialties,
      @Nullable String status) {
    Map<Field<?>, Object> changes = new HashMap<>();
    putIfGiven(changes, PARTY_MEMBER.KIND, kind);
    putIfGiven(changes, PARTY_MEMBER.WORKPLACE, workplace);
    putIfGiven(changes, PARTY_MEMBER.GRID_ID, gridId);
    putIfGiven(
        changes,
        PARTY_MEMBER.SPECIALTIES,
        specialties == null ? null : specialties.toArray(String[]::new));
    putIfGiven(changes, PARTY_MEMBER.STATUS, status);
    return TenantRows.updating(PARTY_MEMBER, communityId, id, expectedVersion, changes);
  }

  /** Kind and workplace as they would be after an update, to check the in-service rule. */
  Optional<String[]> partyMemberKindAndWorkplace(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.select(PARTY_MEMBER.KIND, PARTY_MEMBER.WORKPLACE)
        .from(PARTY_MEMBER)
        .where(PARTY_MEMBER.COMMUNITY_ID.eq(communityId), PARTY_MEMBER.ID.eq(id))
        .fetchOptional(row -> new String[] {row.value1(), row.value2()});
  }

  /** Moves a household to another grid if it is still at {@code expectedVersion}. */
  static ResultQuery<? extends Record> updateHouseholdGrid(
      UUID communityId, UUID id, @Nullable Integer expectedVersion, UUID gridId) {
    Map<Field<?>, Object> changes = new HashMap<>();
    changes.put(HOUSEHOLD.GRID_ID, gridId);
    return TenantRows.updating(HOUSEHOLD, communityId, id, expectedVersion, changes);
  }

  /** Renames a grid or changes its branch and worker if it is still at {@code expectedVersion}. */
  static ResultQuery<? extends Record> updateGrid(
      UUID communityId,
      UUID id,
      @Nullable Integer expectedVersion,
      @Nullable String name,
      @Nullable String partyBranchName,
      @Nullable String workerName) {
    Map<Field<?>, Object> changes = new HashMap<>();
    putIfGiven(changes, GRID.NAME, name);
    putIfGiven(changes, GRID.PARTY_BRANCH_NAME, partyBranchName);
    putIfGiven(changes, GRID.WORKER_NAME, workerName);
    return TenantRows.updating(GRID, communityId, id, expectedVersion, changes);
  }

  /** Changes a building if it is still at {@code expectedVersion}. */
  static ResultQuery<? extends Record> updateBuilding(
      UUID communityId,
      UUID id,
      @Nullable Integer expectedVersion,
      @Nullable String number,
      @Nullable Integer units,
      @Nullable UUID gridId) {
    Map<Field<?>, Object> changes = new HashMap<>();
    putIfGiven(changes, BUILDING.NUMBER, number);
    putIfGiven(changes, BUILDING.UNITS, units);
    putIfGiven(changes, BUILDING.GRID_ID, gridId);
    return TenantRows.updating(BUILDING, communityId, id, expectedVersion, changes);
  }

  /** The table a place lives in, for the delete mutations. */
  enum Place {
    HOUSEHOLD,
    BUILDING,
    GRID
  }

  boolean placeExists(DSLContext dsl, Place place, UUID communityId, UUID id) {
    return switch (place) {
      case HOUSEHOLD -> householdExists(dsl, communityId, id);
      case BUILDING ->
          dsl.fetchExists(BUILDING, BUILDING.COMMUNITY_ID.eq(communityId), BUILDING.ID.eq(id));
      case GRID -> dsl.fetchExists(GRID, GRID.COMMUNITY_ID.eq(communityId), GRID.ID.eq(id));
    };
  }

  /** Whether anything still refers to the place, so that deleting it would lose records. */
  boolean placeInUse(DSLContext dsl, Place place, UUID communityId, UUID id) {
    return switch (place) {
      case HOUSEHOLD ->
          dsl.fetchExists(
              RESIDENT, RESIDENT.COMMUNITY_ID.eq(communityId), RESIDENT.HOUSEHOLD_ID.eq(id));
      case BUILDING ->
          dsl.fetchExists(
              HOUSEHOLD, HOUSEHOLD.COMMUNITY_ID.eq(communityId), HOUSEHOLD.BUILDING_ID.eq(id));
      case GRID ->
          dsl.fetchExists(BUILDING, BUILDING.COMMUNITY_ID.eq(communityId), BUILDING.GRID_ID.eq(id))
              || dsl.fetchExists(
                  HOUSEHOLD, HOUSEHOLD.COMMUNITY_ID.eq(communityId), HOUSEHOLD.GRID_ID.eq(id))
              || dsl.fetchExists(
                  PARTY_MEMBER,
                  PARTY_MEMBER.COMMUNITY_ID.eq(communityId),
                  PARTY_MEMBER.GRID_ID.eq(id));
    };
  }

  /** Deletes the place if it is still at {@code expectedVersion}. */
  static ResultQuery<? extends Record> deletePlace(
      Place place, UUID communityId, UUID id, @Nullable Integer expectedVersion) {
    Table<?> table =
        switch (place) {
          case HOUSEHOLD -> HOUSEHOLD;
          case BUILDING -> BUILDING;
          case GRID -> GRID;
        };
    return TenantRows.deleting(table, communityId, id, expectedVersion);
  }

  /** Encrypted, hashed and masked columns for the protected facts that are given. */
  Map<Field<?>, Object> personalColumns(ResidentFacts facts) {
    Map<Field<?>, Object> columns = new HashMap<>();
    if (facts.phone() != null) {
      columns.put(RESIDENT.PHONE_CIPHER, cipher.encrypt(facts.phone()));
      columns.put(RESIDENT.PHONE_HASH, cipher.lookupHash(facts.phone()));
      columns.put(RESIDENT.PHONE_MASKED, PhoneNumbers.mask(facts.phone()));
    }
    if (facts.idCardNumber() != null) {
      columns.put(RESIDENT.ID_CARD_CIPHER, cipher.encrypt(facts.idCardNumber()));
      columns.put(RESIDENT.ID_CARD_HASH, cipher.lookupHash(facts.idCardNumber()));
      columns.put(RESIDENT.ID_CARD_MASKED, IdCardNumbers.mask(facts.idCardNumber()));
    }
    return columns;
  }
}
