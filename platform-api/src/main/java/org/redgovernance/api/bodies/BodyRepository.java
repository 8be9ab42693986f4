package org.redgovernance.api.bodies;

import static org.redgovernance.database.jooq.Tables.BODY_MEMBERSHIP;
import static org.redgovernance.database.jooq.Tables.BODY_TERM;
import static org.redgovernance.database.jooq.Tables.GOVERNANCE_BODY;
import static org.redgovernance.database.jooq.Tables.HOUSEHOLD;
import static org.redgovernance.database.jooq.Tables.PARTY_MEMBER;
import static org.redgovernance.database.jooq.Tables.RESIDENT;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.database.jooq.tables.PartyMember;
import org.redgovernance.database.jooq.tables.Resident;
import org.springframework.stereotype.Repository;

/** Bodies, terms and memberships; every method runs inside a tenant transaction. */
@Repository
class BodyRepository {

  private static final Resident SEATED = RESIDENT.as("seated");
  private static final PartyMember SEATED_PARTY = PARTY_MEMBER.as("seated_party");
  private static final Resident PARTY_RESIDENT = RESIDENT.as("party_resident");

  /** A member's name, wherever it is kept. */
  private static final Field<String> MEMBER_NAME =
      DSL.coalesce(SEATED.NAME, SEATED_PARTY.NAME, PARTY_RESIDENT.NAME).as("member_name");

  /** Whether a member is a party member: seated as one, or a resident with an active membership. */
  private static final Field<Boolean> MEMBER_IS_PARTY =
      DSL.field(
              BODY_MEMBERSHIP
                  .PARTY_MEMBER_ID
                  .isNotNull()
                  .or(
                      DSL.exists(
                          DSL.selectOne()
                              .from(PARTY_MEMBER)
                              .where(
                                  PARTY_MEMBER.COMMUNITY_ID.eq(BODY_MEMBERSHIP.COMMUNITY_ID),
                                  PARTY_MEMBER.RESIDENT_ID.eq(BODY_MEMBERSHIP.RESIDENT_ID),
                                  PARTY_MEMBER.STATUS.eq("ACTIVE")))))
          .as("member_is_party");

  /** Every body of the community with every term and member: one statement. */
  List<GovernanceBody> bodies(DSLContext dsl, UUID communityId) {
    Field<List<GovernanceBody.Term>> terms =
        DSL.multiset(
                DSL.select(
                        BODY_TERM.ID,
                        BODY_TERM.NUMBER,
                        BODY_TERM.STARTS_ON,
                        BODY_TERM.ENDS_ON,
                        members())
                    .from(BODY_TERM)
                    .where(
                        BODY_TERM.COMMUNITY_ID.eq(GOVERNANCE_BODY.COMMUNITY_ID),
                        BODY_TERM.BODY_ID.eq(GOVERNANCE_BODY.ID))
                    .orderBy(BODY_TERM.NUMBER.desc()))
            .convertFrom(
                rows ->
                    rows.map(
                        row ->
                            new GovernanceBody.Term(
                                row.value1(),
                                row.value2(),
                                row.value3(),
                                row.value4(),
                                row.value5())));
    return dsl.select(
            GOVERNANCE_BODY.COMMUNITY_ID,
            GOVERNANCE_BODY.ID,
            GOVERNANCE_BODY.KIND,
            GOVERNANCE_BODY.NAME,
            terms)
        .from(GOVERNANCE_BODY)
        .where(GOVERNANCE_BODY.COMMUNITY_ID.eq(communityId))
        .orderBy(kindOrder(GOVERNANCE_BODY))
        .fetch(
            row ->
                new GovernanceBody(
                    row.value1(), row.value2(), row.value3(), row.value4(), row.value5()));
  }

  void insertTerm(
      DSLContext dsl,
      UUID communityId,
      UUID id,
      UUID bodyId,
      int number,
      LocalDate startsOn,
      LocalDate endsOn) {
    dsl.insertInto(BODY_TERM)
        .set(BODY_TERM.COMMUNITY_ID, communityId)
        .set(BODY_TERM.ID, id)
        .set(BODY_TERM.BODY_ID, bodyId)
        .set(BODY_TERM.NUMBER, number)
        .set(BODY_TERM.STARTS_ON, startsOn)
        .set(BODY_TERM.ENDS_ON, endsOn)
        .execute();
  }

  void insertMembership(
      DSLContext dsl,
      UUID communityId,
      UUID id,
      UUID termId,
      @Nullable UUID residentId,
      @Nullable UUID partyMemberId,
      String position,
      LocalDate fromOn,
      @Nullable LocalDate toOn) {
    dsl.insertInto(BODY_MEMBERSHIP)
        .set(BODY_MEMBERSHIP.COMMUNITY_ID, communityId)
        .set(BODY_MEMBERSHIP.ID, id)
        .set(BODY_MEMBERSHIP.TERM_ID, termId)
        .set(BODY_MEMBERSHIP.RESIDENT_ID, residentId)
        .set(BODY_MEMBERSHIP.PARTY_MEMBER_ID, partyMemberId)
        .set(BODY_MEMBERSHIP.POSITION, position)
        .set(BODY_MEMBERSHIP.FROM_ON, fromOn)
        .set(BODY_MEMBERSHIP.TO_ON, toOn)
        .execute();
  }

  /** The community's counts, in one statement. */
  CommunityCounts counts(DSLContext dsl, UUID communityId) {
    Field<Integer> households =
        DSL.selectCount()
            .from(HOUSEHOLD)
            .where(HOUSEHOLD.COMMUNITY_ID.eq(communityId))
            .asField("households");
    Field<Integer> residents =
        DSL.selectCount()
            .from(RESIDENT)
            .where(RESIDENT.COMMUNITY_ID.eq(communityId), RESIDENT.STATUS.eq("ACTIVE"))
            .asField("residents");
    Field<Integer> withParty =
        DSL.select(DSL.countDistinct(RESIDENT.HOUSEHOLD_ID))
            .from(RESIDENT)
            .join(PARTY_MEMBER)
            .on(
                PARTY_MEMBER.COMMUNITY_ID.eq(RESIDENT.COMMUNITY_ID),
                PARTY_MEMBER.RESIDENT_ID.eq(RESIDENT.ID))
            .where(
                RESIDENT.COMMUNITY_ID.eq(communityId),
                RESIDENT.STATUS.eq("ACTIVE"),
                PARTY_MEMBER.STATUS.eq("ACTIVE"))
            .asField("with_party");
    Field<Integer> registered = partyCount(communityId, "REGISTERED");
    Field<Integer> inService = partyCount(communityId, "IN_SERVICE");
    Field<Integer> silver = partyCount(communityId, "SILVER");
    Record row =
        dsl.select(households, residents, withParty, registered, inService, silver).fetchSingle();
    return new CommunityCounts(
        row.get(households),
        row.get(residents),
        row.get(withParty),
        row.get(registered),
        row.get(inService),
        row.get(silver));
  }

  /** Raw counts behind {@link CommunityFigures}. */
  record CommunityCounts(
      int households,
      int residents,
      int householdsWithPartyMember,
      int registered,
      int inService,
      int silver) {}

  private static Field<Integer> partyCount(UUID communityId, String kind) {
    return DSL.selectCount()
        .from(PARTY_MEMBER)
        .where(
            PARTY_MEMBER.COMMUNITY_ID.eq(communityId),
            PARTY_MEMBER.STATUS.eq("ACTIVE"),
            PARTY_MEMBER.KIND.eq(kind))
        .asField(kind.toLowerCase());
  }

  private static Field<List<GovernanceBody.Member>> members() {
    Condition seatedResident =
        SEATED
            .COMMUNITY_ID
            .eq(BODY_MEMBERSHIP.COMMUNITY_ID)
            .and(SEATED.ID.eq(BODY_MEMBERSHIP.RESIDENT_ID));
    Condition seatedParty =
        SEATED_PARTY
            .COMMUNITY_ID
            .eq(BODY_MEMBERSHIP.COMMUNITY_ID)
            .and(SEATED_PARTY.ID.eq(BODY_MEMBERSHIP.PARTY_MEMBER_ID));
    Condition partyResident =
        PARTY_RESIDENT
            .COMMUNITY_ID
            .eq(SEATED_PARTY.COMMUNITY_ID)
            .and(PARTY_RESIDENT.ID.eq(SEATED_PARTY.RESIDENT_ID));
    return DSL.multiset(
            DSL.select(
                    BODY_MEMBERSHIP.COMMUNITY_ID,
                    BODY_MEMBERSHIP.ID,
                    MEMBER_NAME,
                    BODY_MEMBERSHIP.POSITION,
                    BODY_MEMBERSHIP.FROM_ON,
                    BODY_MEMBERSHIP.TO_ON,
                    MEMBER_IS_PARTY,
                    BODY_MEMBERSHIP.RESIDENT_ID,
                    BODY_MEMBERSHIP.PARTY_MEMBER_ID)
                .from(BODY_MEMBERSHIP)
                .leftJoin(SEATED)
                .on(seatedResident)
                .leftJoin(SEATED_PARTY)
                .on(seatedParty)
                .leftJoin(PARTY_RESIDENT)
                .on(partyResident)
                .where(
                    BODY_MEMBERSHIP.COMMUNITY_ID.eq(BODY_TERM.COMMUNITY_ID),
                    BODY_MEMBERSHIP.TERM_ID.eq(BODY_TERM.ID))
                .orderBy(positionOrder(), BODY_MEMBERSHIP.ID))
        .convertFrom(
            rows ->
                rows.map(
                    row ->
                        new GovernanceBody.Member(
                            row.value1(),
                            row.value2(),
                            row.value3(),
                            row.value4(),
                            row.value5(),
                            row.value6(),
                            Boolean.TRUE.equals(row.value7()),
                            row.value8(),
                            row.value9())));
  }

  /** The order of the five bodies: the party branch first. */
  static Field<Integer> kindOrder(org.redgovernance.database.jooq.tables.GovernanceBody body) {
    return DSL.case_(body.KIND)
        .when("PARTY_BRANCH", 1)
        .when("OWNERS_COMMITTEE", 2)
        .when("SUPERVISORY_COMMITTEE", 3)
        .when("OWNER_REPRESENTATIVES", 4)
        .else_(5);
  }

  private static Field<Integer> positionOrder() {
    return DSL.case_(BODY_MEMBERSHIP.POSITION)
        .when("CHAIR", 1)
        .when("VICE_CHAIR", 2)
        .when("SECRETARY", 3)
        .else_(4);
  }
}
