package org.redgovernance.api.bodies;

import static org.redgovernance.database.jooq.Tables.BODY_MEMBERSHIP;
import static org.redgovernance.database.jooq.Tables.BODY_TERM;
import static org.redgovernance.database.jooq.Tables.GOVERNANCE_BODY;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * Writing bodies' terms and seats, and what the rules of writing them read; bodies are read for
 * answers through the read model ({@link BodyModels}). Every method runs inside a tenant
 * transaction.
 */
@Repository
class BodyRepository {

  /** A term of a body, as the rules of seating read it. */
  record Term(UUID id, int number, LocalDate startsOn, LocalDate endsOn) {}

  /** A seat in a term: its position and dates. */
  record Seat(String position, LocalDate fromOn, @Nullable LocalDate toOn) {}

  boolean bodyExists(DSLContext dsl, UUID communityId, UUID bodyId) {
    return dsl.fetchExists(
        GOVERNANCE_BODY,
        GOVERNANCE_BODY.COMMUNITY_ID.eq(communityId),
        GOVERNANCE_BODY.ID.eq(bodyId));
  }

  /** The body's terms, newest first. */
  List<Term> terms(DSLContext dsl, UUID communityId, UUID bodyId) {
    return terms(dsl, communityId, bodyId, DSL.noCondition());
  }

  /** The body's term of this number, or the one running {@code today} when none is given. */
  Optional<Term> term(
      DSLContext dsl, UUID communityId, UUID bodyId, @Nullable Integer number, LocalDate today) {
    return terms(
            dsl,
            communityId,
            bodyId,
            number == null ? BodyModels.running(BODY_TERM, today) : BODY_TERM.NUMBER.eq(number))
        .stream()
        .findFirst();
  }

  private static List<Term> terms(DSLContext dsl, UUID communityId, UUID bodyId, Condition which) {
    return dsl.select(BODY_TERM.ID, BODY_TERM.NUMBER, BODY_TERM.STARTS_ON, BODY_TERM.ENDS_ON)
        .from(BODY_TERM)
        .where(BODY_TERM.COMMUNITY_ID.eq(communityId), BODY_TERM.BODY_ID.eq(bodyId), which)
        .orderBy(BODY_TERM.NUMBER.desc())
        .fetch(row -> new Term(row.value1(), row.value2(), row.value3(), row.value4()));
  }

  /** The seats of a term. */
  List<Seat> seats(DSLContext dsl, UUID communityId, UUID termId) {
    return dsl.select(BODY_MEMBERSHIP.POSITION, BODY_MEMBERSHIP.FROM_ON, BODY_MEMBERSHIP.TO_ON)
        .from(BODY_MEMBERSHIP)
        .where(BODY_MEMBERSHIP.COMMUNITY_ID.eq(communityId), BODY_MEMBERSHIP.TERM_ID.eq(termId))
        .fetch(row -> new Seat(row.value1(), row.value2(), row.value3()));
  }

  /** A new term of the body; the changed row the command audits is the body. */
  static ResultQuery<? extends Record> insertTerm(
      UUID communityId, UUID id, UUID bodyId, int number, LocalDate startsOn, LocalDate endsOn) {
    return DSL.insertInto(BODY_TERM)
        .set(BODY_TERM.COMMUNITY_ID, communityId)
        .set(BODY_TERM.ID, id)
        .set(BODY_TERM.BODY_ID, bodyId)
        .set(BODY_TERM.NUMBER, number)
        .set(BODY_TERM.STARTS_ON, startsOn)
        .set(BODY_TERM.ENDS_ON, endsOn)
        .returningResult(BODY_TERM.COMMUNITY_ID, BODY_TERM.BODY_ID.as("id"));
  }

  /**
   * A seat in a term of the body {@code bodyId}; the changed row the command audits is the body.
   */
  static ResultQuery<? extends Record> insertMembership(
      UUID communityId,
      UUID id,
      UUID bodyId,
      UUID termId,
      @Nullable UUID residentId,
      @Nullable UUID partyMemberId,
      String position,
      LocalDate fromOn,
      @Nullable LocalDate toOn) {
    return DSL.insertInto(BODY_MEMBERSHIP)
        .set(BODY_MEMBERSHIP.COMMUNITY_ID, communityId)
        .set(BODY_MEMBERSHIP.ID, id)
        .set(BODY_MEMBERSHIP.TERM_ID, termId)
        .set(BODY_MEMBERSHIP.RESIDENT_ID, residentId)
        .set(BODY_MEMBERSHIP.PARTY_MEMBER_ID, partyMemberId)
        .set(BODY_MEMBERSHIP.POSITION, position)
        .set(BODY_MEMBERSHIP.FROM_ON, fromOn)
        .set(BODY_MEMBERSHIP.TO_ON, toOn)
        .returningResult(BODY_MEMBERSHIP.COMMUNITY_ID, DSL.val(bodyId).as("id"));
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
}
