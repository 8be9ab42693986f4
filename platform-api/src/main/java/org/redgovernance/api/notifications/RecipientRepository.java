package org.redgovernance.api.notifications;

import static org.redgovernance.database.jooq.Tables.BODY_SEAT_CARD;
import static org.redgovernance.database.jooq.Tables.COMMUNITY_ROLE_HOLDER;
import static org.redgovernance.database.jooq.Tables.PARTY_MEMBER_CARD;
import static org.redgovernance.database.jooq.Tables.RESIDENT_CARD;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The people of a community as features name them (residents, party members, the seats of a body)
 * turned into the accounts notifications go to, through the roster's and the bodies' published
 * cards: for the audiences of every feature's {@link NotificationSubject}. A resident without an
 * account (most of the roster) has nobody to tell.
 */
public final class RecipientRepository {

  private RecipientRepository() {}

  /** The accounts (Keycloak subjects) of the residents {@code residents} selects, sorted. */
  public static Set<String> accounts(
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

  /**
   * The residents an object is assigned to, in whichever of its three columns it names them: a
   * resident, a party member (their resident), or a body (its seats today); the rows of {@code
   * table} where {@code held}.
   */
  public static Select<Record1<UUID>> holders(
      UUID communityId,
      Table<?> table,
      Field<UUID> resident,
      Field<UUID> partyMember,
      Field<UUID> body,
      Condition held) {
    return DSL.select(resident)
        .from(table)
        .where(held)
        .unionAll(
            residentsOfPartyMembers(communityId, DSL.select(partyMember).from(table).where(held)))
        .unionAll(seatedOn(communityId, DSL.select(body).from(table).where(held)));
  }

  /**
   * The accounts that hold any of {@code roles} of the community now (the mirror tenant-admin keeps
   * of Keycloak's role groups), sorted: a community's admins, for what only they must hear.
   */
  public static Set<String> roleHolders(
      DSLContext dsl, UUID communityId, org.redgovernance.api.security.CommunityRole... roles) {
    return new LinkedHashSet<>(
        dsl.selectDistinct(COMMUNITY_ROLE_HOLDER.USER_ID)
            .from(COMMUNITY_ROLE_HOLDER)
            .where(
                COMMUNITY_ROLE_HOLDER.COMMUNITY_ID.eq(communityId),
                COMMUNITY_ROLE_HOLDER.ROLE.in(
                    java.util.Arrays.stream(roles).map(Enum::name).toList()))
            .orderBy(COMMUNITY_ROLE_HOLDER.USER_ID)
            .fetch(COMMUNITY_ROLE_HOLDER.USER_ID));
  }

  /** Every resident of the community. */
  public static Select<Record1<UUID>> residents(UUID communityId) {
    return DSL.select(RESIDENT_CARD.ID)
        .from(RESIDENT_CARD)
        .where(RESIDENT_CARD.COMMUNITY_ID.eq(communityId));
  }

  /** The residents who are party members of the community. */
  public static Select<Record1<UUID>> partyMembers(UUID communityId) {
    return residentsOfPartyMembers(
        communityId,
        DSL.select(PARTY_MEMBER_CARD.ID)
            .from(PARTY_MEMBER_CARD)
            .where(PARTY_MEMBER_CARD.COMMUNITY_ID.eq(communityId)));
  }

  /**
   * The residents the party members {@code partyMembers} selects are (where they are residents).
   */
  public static Select<Record1<UUID>> residentsOfPartyMembers(
      UUID communityId, Select<? extends Record1<UUID>> partyMembers) {
    return DSL.select(PARTY_MEMBER_CARD.RESIDENT_ID)
        .from(PARTY_MEMBER_CARD)
        .where(
            PARTY_MEMBER_CARD.COMMUNITY_ID.eq(communityId), PARTY_MEMBER_CARD.ID.in(partyMembers));
  }

  /**
   * The residents seated today on the bodies {@code bodies} selects, directly or as party members.
   */
  public static Select<Record1<UUID>> seatedOn(
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
}
