package org.redgovernance.api.roster;

import static org.redgovernance.database.jooq.Tables.BUILDING;
import static org.redgovernance.database.jooq.Tables.HOUSEHOLD;
import static org.redgovernance.database.jooq.Tables.PARTY_MEMBER;
import static org.redgovernance.database.jooq.Tables.RESIDENT;

import org.jooq.impl.DSL;
import org.redgovernance.api.readmodel.JsonShape;
import org.redgovernance.api.readmodel.JsonSql;
import org.redgovernance.api.readmodel.Renderings;
import org.redgovernance.database.jooq.tables.Building;

/**
 * {@code Household → residents → partyMembership} as PostgreSQL writes them, the same values the
 * roster resolves field by field. Personal fields (phone, ID card) are decrypted and masked in Java
 * by role, links to grids, buildings and back to households load in batches: a selection with any
 * of them is resolved field by field.
 */
final class RosterJson {

  private RosterJson() {}

  private static final JsonShape PARTY_MEMBERSHIP =
      JsonShape.builder()
          .value(
              "id",
              JsonSql.globalId(
                  RosterTypes.PARTY_MEMBER, PARTY_MEMBER.COMMUNITY_ID, PARTY_MEMBER.ID))
          // a resident's membership carries the resident's name, as the roster reads it
          .value("name", RESIDENT.NAME)
          .value("kind", PARTY_MEMBER.KIND)
          .value("workplace", PARTY_MEMBER.WORKPLACE)
          .date("joinedOn", PARTY_MEMBER.JOINED_ON)
          .value(
              "specialties",
              DSL.coalesce(PARTY_MEMBER.SPECIALTIES, DSL.field("'{}'::text[]", String[].class)))
          .value("status", PARTY_MEMBER.STATUS)
          .value("version", PARTY_MEMBER.VERSION)
          .build();

  private static final JsonShape RESIDENT_SHAPE =
      JsonShape.builder()
          .value("id", JsonSql.globalId(RosterTypes.RESIDENT, RESIDENT.COMMUNITY_ID, RESIDENT.ID))
          .value("name", RESIDENT.NAME)
          .value("gender", RESIDENT.GENDER)
          .value("birthYear", RESIDENT.BIRTH_YEAR)
          .value("owner", RESIDENT.OWNER)
          .date("movedInOn", RESIDENT.MOVED_IN_ON)
          .date("movedOutOn", RESIDENT.MOVED_OUT_ON)
          .value("status", RESIDENT.STATUS)
          .value("version", RESIDENT.VERSION)
          .object("partyMembership", PARTY_MEMBER.ID.isNotNull(), PARTY_MEMBERSHIP)
          .build();

  private static final Building HOUSEHOLD_BUILDING = BUILDING.as("household_building");

  /** A household of the page's row (HOUSEHOLD, with or without its BUILDING joined). */
  static final JsonShape HOUSEHOLD_SHAPE =
      JsonShape.builder()
          .remembered(new Renderings())
          .value(
              "id", JsonSql.globalId(RosterTypes.HOUSEHOLD, HOUSEHOLD.COMMUNITY_ID, HOUSEHOLD.ID))
          .value(
              "address",
              DSL.field(
                      DSL.select(HOUSEHOLD_BUILDING.NUMBER)
                          .from(HOUSEHOLD_BUILDING)
                          .where(
                              HOUSEHOLD_BUILDING.COMMUNITY_ID.eq(HOUSEHOLD.COMMUNITY_ID),
                              HOUSEHOLD_BUILDING.ID.eq(HOUSEHOLD.BUILDING_ID)))
                  .concat(DSL.inline("-"))
                  .concat(HOUSEHOLD.UNIT)
                  .concat(DSL.inline("-"))
                  .concat(HOUSEHOLD.ROOM))
          .value("unit", HOUSEHOLD.UNIT)
          .value("room", HOUSEHOLD.ROOM)
          .value("version", HOUSEHOLD.VERSION)
          .list(
              "residents",
              RESIDENT_SHAPE,
              resident ->
                  DSL.field(
                      DSL.select(JsonShape.array(resident, RESIDENT.OWNER.desc(), RESIDENT.ID))
                          .from(RESIDENT)
                          .leftJoin(PARTY_MEMBER)
                          .on(RosterRepository.PARTY_OF_RESIDENT)
                          .where(
                              RESIDENT.COMMUNITY_ID.eq(HOUSEHOLD.COMMUNITY_ID),
                              RESIDENT.HOUSEHOLD_ID.eq(HOUSEHOLD.ID))))
          .build();
}
