package org.redgovernance.api.roster;

import static org.redgovernance.database.jooq.Tables.BUILDING;
import static org.redgovernance.database.jooq.Tables.GRID;
import static org.redgovernance.database.jooq.Tables.PERSONAL_DATA_ACCESS;
import static org.redgovernance.database.jooq.Tables.RESIDENT;

import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep5;
import org.redgovernance.database.Ids;
import org.redgovernance.database.jooq.tables.records.PersonalDataAccessRecord;
import org.springframework.stereotype.Repository;

/**
 * What the roster reads in Java besides its declared types ({@link RosterModels}): whether places
 * exist, who has a looked-up number, and the record of personal data read. Every method runs inside
 * a tenant transaction.
 */
@Repository
class RosterRepository {

  boolean gridExists(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.fetchExists(GRID, GRID.COMMUNITY_ID.eq(communityId), GRID.ID.eq(id));
  }

  boolean buildingExists(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.fetchExists(BUILDING, BUILDING.COMMUNITY_ID.eq(communityId), BUILDING.ID.eq(id));
  }

  /** The residents of the community with the looked-up numbers: their community by their id. */
  Map<UUID, UUID> residentsMatching(DSLContext dsl, UUID communityId, NumberLookup lookup) {
    return dsl.select(RESIDENT.ID, RESIDENT.COMMUNITY_ID)
        .from(RESIDENT)
        .where(RESIDENT.COMMUNITY_ID.eq(communityId), RosterModels.withNumbers(RESIDENT, lookup))
        .fetchMap(RESIDENT.ID, RESIDENT.COMMUNITY_ID);
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
}
