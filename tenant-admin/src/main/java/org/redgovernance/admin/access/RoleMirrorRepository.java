package org.redgovernance.admin.access;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.COMMUNITY_ROLE_HOLDER;
import static org.redgovernance.database.jooq.Tables.NOTIFICATION_INTENT;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.redgovernance.admin.identity.CommunityRoleName;
import org.redgovernance.database.TenantContext;
import org.springframework.stereotype.Repository;

/**
 * The mirror of the communities' role groups ({@code rg.community_role_holder}) that platform-api
 * reads, and the notification of a grant, written beside it into platform-api's outbox.
 */
@Repository
class RoleMirrorRepository {

  /** A community whose role groups are mirrored: every one but the archived. */
  record Mirrored(UUID id, String key) {}

  private final DSLContext dsl;

  RoleMirrorRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Makes the community the transaction's tenant context. */
  void enter(UUID communityId, String actorId) {
    dsl.resultQuery(
            TenantContext.SET_SQL, TenantContext.communityIdsLiteral(List.of(communityId)), actorId)
        .fetch();
  }

  List<Mirrored> mirrored() {
    return dsl.select(COMMUNITY.ID, COMMUNITY.KEY)
        .from(COMMUNITY)
        .where(COMMUNITY.STATUS.ne("ARCHIVED"))
        .orderBy(COMMUNITY.KEY)
        .fetch(r -> new Mirrored(r.value1(), r.value2()));
  }

  Optional<UUID> communityId(String communityKey) {
    return dsl.select(COMMUNITY.ID)
        .from(COMMUNITY)
        .where(COMMUNITY.KEY.eq(communityKey))
        .fetchOptional(COMMUNITY.ID);
  }

  /** The person holds the role now; the grant's id when it is new, nothing when they held it. */
  Optional<UUID> hold(UUID communityId, String userId, CommunityRoleName role) {
    return dsl.insertInto(COMMUNITY_ROLE_HOLDER)
        .set(COMMUNITY_ROLE_HOLDER.COMMUNITY_ID, communityId)
        .set(COMMUNITY_ROLE_HOLDER.USER_ID, userId)
        .set(COMMUNITY_ROLE_HOLDER.ROLE, role.name())
        .onConflictDoNothing()
        .returning(COMMUNITY_ROLE_HOLDER.ID)
        .fetchOptional(COMMUNITY_ROLE_HOLDER.ID);
  }

  /** The person no longer holds the role; how many rows went. */
  int release(UUID communityId, String userId, CommunityRoleName role) {
    return dsl.deleteFrom(COMMUNITY_ROLE_HOLDER)
        .where(
            COMMUNITY_ROLE_HOLDER.COMMUNITY_ID.eq(communityId),
            COMMUNITY_ROLE_HOLDER.USER_ID.eq(userId),
            COMMUNITY_ROLE_HOLDER.ROLE.eq(role.name()))
        .execute();
  }

  /** Who holds the role now, as mirrored. */
  Set<String> holders(UUID communityId, CommunityRoleName role) {
    return dsl.select(COMMUNITY_ROLE_HOLDER.USER_ID)
        .from(COMMUNITY_ROLE_HOLDER)
        .where(
            COMMUNITY_ROLE_HOLDER.COMMUNITY_ID.eq(communityId),
            COMMUNITY_ROLE_HOLDER.ROLE.eq(role.name()))
        .fetchSet(COMMUNITY_ROLE_HOLDER.USER_ID);
  }

  /**
   * Tells the person of the grant: an intent in platform-api's notification outbox, which its
   * dispatcher delivers (kind COMMUNITY_ROLE_GRANTED, about the grant, to its holder). Once per
   * grant.
   */
  void tell(UUID communityId, UUID grant, String actorId) {
    dsl.insertInto(NOTIFICATION_INTENT)
        .set(NOTIFICATION_INTENT.COMMUNITY_ID, communityId)
        .set(NOTIFICATION_INTENT.CATEGORY, "ROLES")
        .set(NOTIFICATION_INTENT.KIND, "COMMUNITY_ROLE_GRANTED")
        .set(NOTIFICATION_INTENT.SUBJECT_TYPE, "CommunityRole")
        .set(NOTIFICATION_INTENT.SUBJECT_ID, grant)
        .set(NOTIFICATION_INTENT.AUDIENCE, "HOLDER")
        .set(NOTIFICATION_INTENT.ACTOR_ID, actorId)
        .set(NOTIFICATION_INTENT.DEDUPE_KEY, "COMMUNITY_ROLE_GRANTED:" + grant)
        .onConflictDoNothing()
        .execute();
  }
}
