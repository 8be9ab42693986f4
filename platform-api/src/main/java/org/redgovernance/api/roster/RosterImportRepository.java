package org.redgovernance.api.roster;

import static org.redgovernance.database.jooq.Tables.BUILDING;
import static org.redgovernance.database.jooq.Tables.GRID;
import static org.redgovernance.database.jooq.Tables.HOUSEHOLD;
import static org.redgovernance.database.jooq.Tables.PARTY_MEMBER;
import static org.redgovernance.database.jooq.Tables.RESIDENT;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.redgovernance.database.IdCardNumbers;
import org.redgovernance.database.PersonalDataCipher;
import org.redgovernance.database.PhoneNumbers;
import org.springframework.stereotype.Repository;

/**
 * What an import needs to know of a community before it decides anything, and the batched writes of
 * a plan that passed. Rows are written in multi-row statements of {@value #CHUNK}.
 */
@Repository
class RosterImportRepository {

  static final int CHUNK = 500;

  /** A building by its number, with its grid. */
  record KnownBuilding(UUID id, @Nullable UUID gridId) {}

  /** The community as the import finds it. */
  record Known(
      Map<String, KnownBuilding> buildingsByNumber,
      Map<String, UUID> gridsByName,
      Map<String, UUID> householdsByAddress,
      Map<String, UUID> residentsByIdCardHash,
      Map<String, UUID> residentsByHouseholdAndName,
      Set<UUID> partyResidents) {}

  record NewHousehold(UUID id, UUID buildingId, String unit, String room, @Nullable UUID gridId) {}

  record NewResident(
      UUID id,
      UUID householdId,
      ResidentFacts facts,
      boolean owner,
      @Nullable LocalDate movedInOn) {}

  record NewPartyMember(
      UUID id,
      UUID residentId,
      String kind,
      @Nullable String workplace,
      @Nullable LocalDate joinedOn,
      @Nullable UUID gridId,
      List<String> specialties) {}

  private final PersonalDataCipher cipher;

  RosterImportRepository(PersonalDataCipher cipher) {
    this.cipher = cipher;
  }

  static String addressKey(UUID buildingId, String unit, String room) {
    return buildingId + "|" + unit + "|" + room;
  }

  static String nameKey(UUID householdId, String name) {
    return householdId + "|" + name;
  }

  String hashKey(String idCardNumber) {
    return HexFormat.of().formatHex(cipher.lookupHash(idCardNumber));
  }

  Known load(DSLContext dsl, UUID communityId) {
    Map<String, KnownBuilding> buildings = new HashMap<>();
    for (Record row :
        dsl.select(BUILDING.NUMBER, BUILDING.ID, BUILDING.GRID_ID)
            .from(BUILDING)
            .where(BUILDING.COMMUNITY_ID.eq(communityId))
            .fetch()) {
      buildings.put(
          row.get(BUILDING.NUMBER),
          new KnownBuilding(row.get(BUILDING.ID), row.get(BUILDING.GRID_ID)));
    }
    Map<String, UUID> grids = new HashMap<>();
    dsl.select(GRID.NAME, GRID.ID)
        .from(GRID)
        .where(GRID.COMMUNITY_ID.eq(communityId))
        .forEach(row -> grids.put(row.value1(), row.value2()));
    Map<String, UUID> households = new HashMap<>();
    dsl.select(HOUSEHOLD.BUILDING_ID, HOUSEHOLD.UNIT, HOUSEHOLD.ROOM, HOUSEHOLD.ID)
        .from(HOUSEHOLD)
        .where(HOUSEHOLD.COMMUNITY_ID.eq(communityId))
        .forEach(
            row ->
                households.put(addressKey(row.value1(), row.value2(), row.value3()), row.value4()));
    Map<String, UUID> byHash = new HashMap<>();
    Map<String, UUID> byName = new HashMap<>();
    dsl.select(RESIDENT.ID_CARD_HASH, RESIDENT.HOUSEHOLD_ID, RESIDENT.NAME, RESIDENT.ID)
        .from(RESIDENT)
        .where(RESIDENT.COMMUNITY_ID.eq(communityId))
        .forEach(
            row -> {
              if (row.value1() != null) {
                byHash.put(HexFormat.of().formatHex(row.value1()), row.value4());
              }
              byName.put(nameKey(row.value2(), row.value3()), row.value4());
            });
    Set<UUID> party =
        new HashSet<>(
            dsl.select(PARTY_MEMBER.RESIDENT_ID)
                .from(PARTY_MEMBER)
                .where(
                    PARTY_MEMBER.COMMUNITY_ID.eq(communityId), PARTY_MEMBER.RESIDENT_ID.isNotNull())
                .fetch(PARTY_MEMBER.RESIDENT_ID));
    return new Known(buildings, grids, households, byHash, byName, party);
  }

  void insertHouseholds(DSLContext dsl, UUID communityId, List<NewHousehold> households) {
    for (int from = 0; from < households.size(); from += CHUNK) {
      var insert =
          dsl.insertInto(
              HOUSEHOLD,
              HOUSEHOLD.COMMUNITY_ID,
              HOUSEHOLD.ID,
              HOUSEHOLD.BUILDING_ID,
              HOUSEHOLD.UNIT,
              HOUSEHOLD.ROOM,
              HOUSEHOLD.GRID_ID);
      for (NewHousehold h : households.subList(from, Math.min(from + CHUNK, households.size()))) {
        insert = insert.values(communityId, h.id(), h.buildingId(), h.unit(), h.room(), h.gridId());
      }
      insert.execute();
    }
  }

  void insertResidents(DSLContext dsl, UUID communityId, List<NewResident> residents) {
    for (int from = 0; from < residents.size(); from += CHUNK) {
      var insert =
          dsl.insertInto(
              RESIDENT,
              RESIDENT.COMMUNITY_ID,
              RESIDENT.ID,
              RESIDENT.HOUSEHOLD_ID,
              RESIDENT.NAME,
              RESIDENT.GENDER,
              RESIDENT.BIRTH_YEAR,
              RESIDENT.PHONE_CIPHER,
              RESIDENT.PHONE_HASH,
              RESIDENT.PHONE_MASKED,
              RESIDENT.ID_CARD_CIPHER,
              RESIDENT.ID_CARD_HASH,
              RESIDENT.ID_CARD_MASKED,
              RESIDENT.OWNER,
              RESIDENT.MOVED_IN_ON);
      for (NewResident r : residents.subList(from, Math.min(from + CHUNK, residents.size()))) {
        ResidentFacts f = r.facts();
        String phone = f.phone();
        String idCard = f.idCardNumber();
        insert =
            insert.values(
                communityId,
                r.id(),
                r.householdId(),
                f.name(),
                f.gender(),
                f.birthYear(),
                phone == null ? null : cipher.encrypt(phone),
                phone == null ? null : cipher.lookupHash(phone),
                phone == null ? null : PhoneNumbers.mask(phone),
                idCard == null ? null : cipher.encrypt(idCard),
                idCard == null ? null : cipher.lookupHash(idCard),
                idCard == null ? null : IdCardNumbers.mask(idCard),
                r.owner(),
                r.movedInOn());
      }
      insert.execute();
    }
  }

  void insertPartyMembers(DSLContext dsl, UUID communityId, List<NewPartyMember> members) {
    for (int from = 0; from < members.size(); from += CHUNK) {
      var insert =
          dsl.insertInto(
              PARTY_MEMBER,
              PARTY_MEMBER.COMMUNITY_ID,
              PARTY_MEMBER.ID,
              PARTY_MEMBER.RESIDENT_ID,
              PARTY_MEMBER.KIND,
              PARTY_MEMBER.WORKPLACE,
              PARTY_MEMBER.JOINED_ON,
              PARTY_MEMBER.GRID_ID,
              PARTY_MEMBER.SPECIALTIES);
      for (NewPartyMember p : members.subList(from, Math.min(from + CHUNK, members.size()))) {
        insert =
            insert.values(
                communityId,
                p.id(),
                p.residentId(),
                p.kind(),
                p.workplace(),
                p.joinedOn(),
                p.gridId(),
                p.specialties().toArray(String[]::new));
      }
      insert.execute();
    }
  }
}
