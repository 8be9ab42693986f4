package org.redgovernance.admin.invitation;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.COMMUNITY_INVITATION;
import static org.redgovernance.database.jooq.Tables.INVITATION_EVENT;
import static org.redgovernance.database.jooq.Tables.STREET;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.identity.CommunityRoleName;
import org.redgovernance.database.Ids;
import org.redgovernance.database.TenantContext;
import org.redgovernance.database.jooq.tables.InvitationEvent;
import org.springframework.stereotype.Repository;

/**
 * {@code rg.community_invitation} and {@code rg.invitation_event}: what was sent, to whom (masked),
 * and what became of it. Like any tenant table they are read and written through row-level
 * security, with the community (or, for the grants, every community) as the transaction's tenant
 * context; callers run each method in a transaction.
 */
@Repository
class InvitationRepository {

  /** One invitation as the admins' listing shows it. */
  record Invitation(
      UUID id,
      String communityKey,
      CommunityRoleName role,
      String channel,
      String sentTo,
      String inviteeName,
      String status,
      OffsetDateTime expiresAt,
      String invitedBy,
      OffsetDateTime createdAt,
      @Nullable String acceptedBy,
      @Nullable OffsetDateTime acceptedAt) {}

  /** An accepted invitation whose role is still to be granted. */
  record Accepted(
      UUID communityId,
      UUID id,
      String communityKey,
      String streetKey,
      String communityStatus,
      CommunityRoleName role,
      String userId,
      String username) {}

  /** What an invitation records before its message goes out. */
  record NewInvitation(
      UUID communityId,
      CommunityRoleName role,
      String channel,
      String sentTo,
      String inviteeName,
      byte[] codeDigest,
      OffsetDateTime expiresAt,
      String invitedById,
      String invitedByName) {}

  private static final InvitationEvent ACCEPTED = INVITATION_EVENT.as("accepted");
  private static final InvitationEvent GRANTED = INVITATION_EVENT.as("granted");
  private static final InvitationEvent CANCELLED = INVITATION_EVENT.as("cancelled");

  /** Expiry by the database's clock, the same clock that accepting an invitation reads. */
  private static final Field<Boolean> EXPIRED =
      DSL.field(COMMUNITY_INVITATION.EXPIRES_AT.le(DSL.currentOffsetDateTime())).as("expired");

  private final DSLContext dsl;

  InvitationRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Makes these communities the transaction's tenant context. */
  void enter(Collection<UUID> communityIds, String userId) {
    dsl.resultQuery(TenantContext.SET_SQL, TenantContext.communityIdsLiteral(communityIds), userId)
        .fetch();
  }

  /** Every registered community's id: the grants' context. */
  List<UUID> allCommunityIds() {
    return dsl.select(COMMUNITY.ID).from(COMMUNITY).fetch(COMMUNITY.ID);
  }

  /**
   * Serializes whatever ends an invitation (grant, withdrawal, acceptance) for this transaction.
   */
  void lock(UUID invitationId) {
    dsl.resultQuery(
            "SELECT pg_advisory_xact_lock(hashtextextended('invitation:' || ?::text, 0))",
            invitationId.toString())
        .fetch();
  }

  /** Like {@link #lock}, but false at once when another transaction holds it. */
  boolean tryLock(UUID invitationId) {
    return Boolean.TRUE.equals(
        dsl.resultQuery(
                "SELECT pg_try_advisory_xact_lock(hashtextextended('invitation:' || ?::text, 0))",
                invitationId.toString())
            .fetchOne(0, Boolean.class));
  }

  /** How many invitations into the community were sent in the last hours, to sentTo if given. */
  int sentWithin(UUID communityId, int hours, @Nullable String sentTo) {
    Condition where =
        COMMUNITY_INVITATION
            .COMMUNITY_ID
            .eq(communityId)
            .and(
                COMMUNITY_INVITATION.CREATED_AT.gt(
                    DSL.currentOffsetDateTime().minus(DSL.field("interval '1 hour'").mul(hours))));
    if (sentTo != null) {
      where = where.and(COMMUNITY_INVITATION.SENT_TO.eq(sentTo));
    }
    return dsl.fetchCount(COMMUNITY_INVITATION, where);
  }

  UUID create(NewInvitation invitation) {
    UUID id = Ids.newId();
    dsl.insertInto(COMMUNITY_INVITATION)
        .set(COMMUNITY_INVITATION.COMMUNITY_ID, invitation.communityId())
        .set(COMMUNITY_INVITATION.ID, id)
        .set(COMMUNITY_INVITATION.ROLE, invitation.role().name())
        .set(COMMUNITY_INVITATION.CHANNEL, invitation.channel())
        .set(COMMUNITY_INVITATION.SENT_TO, invitation.sentTo())
        .set(COMMUNITY_INVITATION.INVITEE_NAME, invitation.inviteeName())
        .set(COMMUNITY_INVITATION.CODE_DIGEST, invitation.codeDigest())
        .set(COMMUNITY_INVITATION.EXPIRES_AT, invitation.expiresAt())
        .set(COMMUNITY_INVITATION.INVITED_BY_ID, invitation.invitedById())
        .set(COMMUNITY_INVITATION.INVITED_BY_NAME, invitation.invitedByName())
        .execute();
    return id;
  }

  /** The community's invitations, newest first; those whose code still works only, if asked. */
  List<Invitation> of(UUID communityId, boolean pendingOnly, int limit) {
    Condition where = COMMUNITY_INVITATION.COMMUNITY_ID.eq(communityId);
    if (pendingOnly) {
      where =
          where
              .and(ACCEPTED.KIND.isNull())
              .and(CANCELLED.KIND.isNull())
              .and(COMMUNITY_INVITATION.EXPIRES_AT.gt(DSL.currentOffsetDateTime()));
    }
    return select(where)
        .orderBy(COMMUNITY_INVITATION.ID.desc())
        .limit(limit)
        .fetch(InvitationRepository::invitation);
  }

  Optional<Invitation> one(UUID communityId, UUID id) {
    return select(
            COMMUNITY_INVITATION.COMMUNITY_ID.eq(communityId).and(COMMUNITY_INVITATION.ID.eq(id)))
        .fetchOptional(InvitationRepository::invitation);
  }

  /** Records how an invitation ended (GRANTED or CANCELLED), under its {@link #lock}. */
  void end(UUID communityId, UUID invitationId, String kind, String userId, String username) {
    dsl.insertInto(INVITATION_EVENT)
        .set(INVITATION_EVENT.COMMUNITY_ID, communityId)
        .set(INVITATION_EVENT.INVITATION_ID, invitationId)
        .set(INVITATION_EVENT.KIND, kind)
        .set(INVITATION_EVENT.USER_ID, userId)
        .set(INVITATION_EVENT.USERNAME, username)
        .execute();
  }

  /**
   * Accepted invitations whose role is neither granted nor withdrawn yet, oldest first; those of a
   * suspended community wait for its reactivation.
   */
  List<Accepted> accepted(int limit) {
    return dsl.select(
            COMMUNITY_INVITATION.COMMUNITY_ID,
            COMMUNITY_INVITATION.ID,
            COMMUNITY.KEY,
            STREET.KEY,
            COMMUNITY.STATUS,
            COMMUNITY_INVITATION.ROLE,
            ACCEPTED.USER_ID,
            ACCEPTED.USERNAME)
        .from(COMMUNITY_INVITATION)
        .join(ACCEPTED)
        .on(accompanies(ACCEPTED, "ACCEPTED"))
        .join(COMMUNITY)
        .on(COMMUNITY.ID.eq(COMMUNITY_INVITATION.COMMUNITY_ID))
        .join(STREET)
        .on(STREET.ID.eq(COMMUNITY.STREET_ID))
        .where(COMMUNITY.STATUS.ne("SUSPENDED"))
        .andNotExists(
            DSL.selectOne()
                .from(INVITATION_EVENT)
                .where(INVITATION_EVENT.COMMUNITY_ID.eq(COMMUNITY_INVITATION.COMMUNITY_ID))
                .and(INVITATION_EVENT.INVITATION_ID.eq(COMMUNITY_INVITATION.ID))
                .and(INVITATION_EVENT.KIND.in("GRANTED", "CANCELLED")))
        .orderBy(ACCEPTED.OCCURRED_AT)
        .limit(limit)
        .fetch(
            r ->
                new Accepted(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    CommunityRoleName.valueOf(r.value6()),
                    r.value7(),
                    r.value8()));
  }

  private SelectConditionStep<Record> select(Condition where) {
    return dsl.select(
            COMMUNITY_INVITATION.asterisk(),
            COMMUNITY.KEY,
            EXPIRED,
            ACCEPTED.USERNAME,
            ACCEPTED.OCCURRED_AT,
            GRANTED.KIND,
            CANCELLED.KIND)
        .from(COMMUNITY_INVITATION)
        .join(COMMUNITY)
        .on(COMMUNITY.ID.eq(COMMUNITY_INVITATION.COMMUNITY_ID))
        .leftJoin(ACCEPTED)
        .on(accompanies(ACCEPTED, "ACCEPTED"))
        .leftJoin(GRANTED)
        .on(accompanies(GRANTED, "GRANTED"))
        .leftJoin(CANCELLED)
        .on(accompanies(CANCELLED, "CANCELLED"))
        .where(where);
  }

  private static Condition accompanies(InvitationEvent event, String kind) {
    return event
        .COMMUNITY_ID
        .eq(COMMUNITY_INVITATION.COMMUNITY_ID)
        .and(event.INVITATION_ID.eq(COMMUNITY_INVITATION.ID))
        .and(event.KIND.eq(kind));
  }

  /** Its status: CANCELLED, GRANTED, ACCEPTED, EXPIRED or PENDING, the first that holds. */
  private static Invitation invitation(Record r) {
    String status;
    if (r.get(CANCELLED.KIND) != null) {
      status = "CANCELLED";
    } else if (r.get(GRANTED.KIND) != null) {
      status = "GRANTED";
    } else if (r.get(ACCEPTED.USERNAME) != null) {
      status = "ACCEPTED";
    } else if (r.get(EXPIRED)) {
      status = "EXPIRED";
    } else {
      status = "PENDING";
    }
    return new Invitation(
        r.get(COMMUNITY_INVITATION.ID),
        r.get(COMMUNITY.KEY),
        CommunityRoleName.valueOf(r.get(COMMUNITY_INVITATION.ROLE)),
        r.get(COMMUNITY_INVITATION.CHANNEL),
        r.get(COMMUNITY_INVITATION.SENT_TO),
        r.get(COMMUNITY_INVITATION.INVITEE_NAME),
        status,
        r.get(COMMUNITY_INVITATION.EXPIRES_AT),
        r.get(COMMUNITY_INVITATION.INVITED_BY_NAME),
        r.get(COMMUNITY_INVITATION.CREATED_AT),
        r.get(ACCEPTED.USERNAME),
        r.get(ACCEPTED.OCCURRED_AT));
  }
}
