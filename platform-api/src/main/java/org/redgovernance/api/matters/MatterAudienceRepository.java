package org.redgovernance.api.matters;

import static org.redgovernance.database.jooq.Tables.BODY_CARD;
import static org.redgovernance.database.jooq.Tables.MATTER;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.redgovernance.api.notifications.RecipientRepository;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.security.CommunityRole;
import org.springframework.stereotype.Component;

/**
 * Who the audiences of a matter's notifications are now, as the accounts of residents: read from
 * the matter and the published cards of residents, party members and body seats.
 */
@Component
class MatterAudienceRepository {

  /** The reporter's account, if the resident the matter was raised for has one. */
  Set<String> reporter(DSLContext dsl, UUID communityId, UUID matterId) {
    return RecipientRepository.accounts(
        dsl,
        communityId,
        DSL.select(MATTER.REPORTER_RESIDENT_ID).from(MATTER).where(matter(communityId, matterId)));
  }

  /**
   * The accounts of whoever holds the matter while it is in progress: the resident, the party
   * member's resident, or the residents seated on the body it was handed to.
   */
  Set<String> assignee(DSLContext dsl, UUID communityId, UUID matterId) {
    return holders(
        dsl,
        communityId,
        matter(communityId, matterId).and(MATTER.STATUS.eq(MatterStatus.IN_PROGRESS.name())));
  }

  /** The accounts of whoever holds the matter while it is overdue today. */
  Set<String> overdueHolder(DSLContext dsl, UUID communityId, UUID matterId) {
    return holders(
        dsl,
        communityId,
        matter(communityId, matterId)
            .and(MatterModels.overdue(MATTER, LocalDate.now(ReadRequest.ZONE))));
  }

  /**
   * The accounts of whoever holds the matter and of the community's admins, while it is overdue
   * today: the admins see that no matter is left lying.
   */
  Set<String> overdueHolderOrAdmin(DSLContext dsl, UUID communityId, UUID matterId) {
    Set<String> told = new java.util.TreeSet<>(overdueHolder(dsl, communityId, matterId));
    boolean stillOverdue =
        dsl.fetchExists(
            MATTER,
            matter(communityId, matterId)
                .and(MatterModels.overdue(MATTER, LocalDate.now(ReadRequest.ZONE))));
    if (stillOverdue) {
      told.addAll(RecipientRepository.roleHolders(dsl, communityId, CommunityRole.ADMIN));
    }
    return told;
  }

  /** The community's matters overdue {@code today}, as reminders select them. */
  static Select<Record2<UUID, UUID>> overdue(UUID communityId, LocalDate today) {
    return DSL.select(MATTER.COMMUNITY_ID, MATTER.ID)
        .from(MATTER)
        .where(MATTER.COMMUNITY_ID.eq(communityId), MatterModels.overdue(MATTER, today));
  }

  /**
   * The accounts of the resident, party member or body seats the matter is assigned to, where
   * {@code held}.
   */
  private static Set<String> holders(DSLContext dsl, UUID communityId, Condition held) {
    return RecipientRepository.accounts(
        dsl,
        communityId,
        RecipientRepository.holders(
            communityId,
            MATTER,
            MATTER.ASSIGNEE_RESIDENT_ID,
            MATTER.ASSIGNEE_PARTY_MEMBER_ID,
            MATTER.ASSIGNEE_BODY_ID,
            held));
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
    return RecipientRepository.accounts(
        dsl,
        communityId,
        RecipientRepository.seatedOn(
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
}
