package org.redgovernance.api.matters;

import static org.redgovernance.database.jooq.Tables.BODY_CARD;
import static org.redgovernance.database.jooq.Tables.BODY_SEAT_CARD;
import static org.redgovernance.database.jooq.Tables.MATTER;
import static org.redgovernance.database.jooq.Tables.PARTY_MEMBER_CARD;
import static org.redgovernance.database.jooq.Tables.RESIDENT_CARD;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Who the audiences of a matter's notifications are now, as the accounts of residents: read from
 * the matter and the published cards of residents, party members and body seats.
 */
@Component
class MatterAudienceRepository {

  /** The reporter's account, if the resident the matter was raised for has one. */
  Set<String> reporter(DSLContext dsl, UUID communityId, UUID matterId) {
    return accounts(
        dsl,
        communityId,
        DSL.select(MATTER.REPORTER_RESIDENT_ID).from(MATTER).where(matter(communityId, matterId)));
  }

  /**
   * The accounts of whoever holds the matter while it is in progress: the resident, the party
   * member's resident, or the residents seated on the body it was handed to.
   */
  Set<String> assignee(DSLContext dsl, UUID communityId, UUID matterId) {
    Condition inProgress =
        matter(communityId, matterId).and(MATTER.STATUS.eq(MatterStatus.IN_PROGRESS.name()));
    Select<Record1<UUID>> residents =
        DSL.select(MATTER.ASSIGNEE_RESIDENT_ID)
            .from(MATTER)
            .where(inProgress)
            .unionAll(
                residentsOfPartyMembers(
                    communityId,
                    DSL.select(MATTER.ASSIGNEE_PARTY_MEMBER_ID).from(MATTER).where(inProgress)))
            .unionAll(
                seatedOn(
                    communityId,
                    DSL.select(MATTER.ASSIGNEE_BODY_ID).from(MATTER).where(inProgress)));
    return accounts(dsl, communityId, residents);
  }

  /**
   * The accounts of the supervisory committee's seated members while the matter waits for their
   * verification.
   */
  Set<String> supervisors(DSLContext dsl, UUID communityId, UUID matterId) {
    boolean waiting =
        dsl.fetchExists(
            MATTER,
            matter(communityId, matterId).and(MATTER.STATUS.eq(MatterStatus.RESOLVED.name())));
    if (!waiting) {
      return Set.of();
    }
    return accounts(
        dsl,
        communityId,
        seatedOn(
            communityId,
            DSL.select(BODY_CARD.ID)
                .from(BODY_CARD)
                .where(
                    BODY_CARD.COMMUNITY_ID.eq(communityId),
                    BODY_CARD.KIND.eq("SUPERVISORY_COMMITTEE"))));
  }

  /** What templates may say of the matter: its title and due date; empty once it is gone. */
  Map<String, String> values(DSLContext dsl, UUID communityId, UUID matterId) {
    Optional<Map<String, String>> values =
        dsl.select(MATTER.TITLE, MATTER.DUE_ON, MATTER.STATUS)
            .from(MATTER)
            .where(matter(communityId, matterId))
            .fetchOptional(
                r -> {
                  Map<String, String> named = new LinkedHashMap<>();
                  named.put("title", r.value1());
                  named.put("dueOn", r.value2() == null ? "" : r.value2().toString());
                  named.put("status", r.value3());
                  return named;
                });
    return values.orElse(Map.of());
  }

  private static Condition matter(UUID communityId, UUID matterId) {
    return MATTER.COMMUNITY_ID.eq(communityId).and(MATTER.ID.eq(matterId));
  }

  /**
   * The residents seated today on the bodies {@code bodies} names, directly or as party members.
   */
  private static Select<Record1<UUID>> seatedOn(
      UUID communityId, Select<? extends Record1<UUID>> bodies) {
    Condition seats =
        BODY_SEAT_CARD.COMMUNITY_ID.eq(communityId).and(BODY_SEAT_CARD.BODY_ID.in(bodies));
    return DSL.select(BODY_SEAT_CARD.RESIDENT_ID)
        .from(BODY_SEAT_CARD)
        .where(seats)
        .unionAll(
            residentsOfPartyMembers(
                communityId,
                DSL.select(BODY_SEAT_CARD.PARTY_MEMBER_ID).from(BODY_SEAT_CARD).where(seats)));
  }

  private static Select<Record1<UUID>> residentsOfPartyMembers(
      UUID communityId, Select<? extends Record1<UUID>> partyMembers) {
    return DSL.select(PARTY_MEMBER_CARD.RESIDENT_ID)
        .from(PARTY_MEMBER_CARD)
        .where(
            PARTY_MEMBER_CARD.COMMUNITY_ID.eq(communityId), PARTY_MEMBER_CARD.ID.in(partyMembers));
  }

  private static Set<String> accounts(
      DSLContext dsl, UUID communityId, Select<? extends Record1<UUID>> residents) {
    Field<String> user = RESIDENT_CARD.USER_ID;
    return new LinkedHashSet<>(
        dsl.selectDistinct(user)
            .from(RESIDENT_CARD)
            .where(
                RESIDENT_CARD.COMMUNITY_ID.eq(communityId),
                RESIDENT_CARD.ID.in(residents),
                user.isNotNull())
            .orderBy(user)
            .fetch(user));
  }
}
