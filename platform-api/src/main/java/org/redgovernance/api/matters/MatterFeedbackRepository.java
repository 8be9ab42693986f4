package org.redgovernance.api.matters;

import static org.redgovernance.database.jooq.Tables.MATTER_COMMENT;
import static org.redgovernance.database.jooq.Tables.MATTER_SUBCATEGORY;
import static org.redgovernance.database.jooq.Tables.MATTER_SUPPORT;

import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.redgovernance.database.Ids;
import org.springframework.stereotype.Repository;

/**
 * What residents add to matters (support and comments) and the community's own subcategories, in
 * PostgreSQL. Every method runs inside a tenant transaction.
 */
@Repository
class MatterFeedbackRepository {

  /** True if the support is new; a resident supports a matter at most once. */
  boolean support(DSLContext dsl, UUID communityId, UUID matterId, UUID residentId) {
    return dsl.insertInto(MATTER_SUPPORT)
            .set(MATTER_SUPPORT.COMMUNITY_ID, communityId)
            .set(MATTER_SUPPORT.MATTER_ID, matterId)
            .set(MATTER_SUPPORT.RESIDENT_ID, residentId)
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  boolean withdrawSupport(DSLContext dsl, UUID communityId, UUID matterId, UUID residentId) {
    return dsl.deleteFrom(MATTER_SUPPORT)
            .where(
                MATTER_SUPPORT.COMMUNITY_ID.eq(communityId),
                MATTER_SUPPORT.MATTER_ID.eq(matterId),
                MATTER_SUPPORT.RESIDENT_ID.eq(residentId))
            .execute()
        == 1;
  }

  /** Adds the comment; returns its id. */
  UUID comment(
      DSLContext dsl,
      UUID communityId,
      UUID matterId,
      String authorId,
      String authorName,
      boolean staff,
      String body) {
    UUID id = Ids.newId();
    dsl.insertInto(MATTER_COMMENT)
        .set(MATTER_COMMENT.COMMUNITY_ID, communityId)
        .set(MATTER_COMMENT.ID, id)
        .set(MATTER_COMMENT.MATTER_ID, matterId)
        .set(MATTER_COMMENT.AUTHOR_ID, authorId)
        .set(MATTER_COMMENT.AUTHOR_NAME, authorName)
        .set(MATTER_COMMENT.STAFF, staff)
        .set(MATTER_COMMENT.BODY, body)
        .execute();
    return id;
  }

  /** The new subcategory's id, or empty when the category already has one of that name. */
  Optional<UUID> addSubcategory(
      DSLContext dsl, UUID communityId, MatterCategory category, String name) {
    UUID id = Ids.newId();
    int added =
        dsl.insertInto(MATTER_SUBCATEGORY)
            .set(MATTER_SUBCATEGORY.COMMUNITY_ID, communityId)
            .set(MATTER_SUBCATEGORY.ID, id)
            .set(MATTER_SUBCATEGORY.CATEGORY, category.name())
            .set(MATTER_SUBCATEGORY.NAME, name)
            .onConflictDoNothing()
            .execute();
    return added == 1 ? Optional.of(id) : Optional.empty();
  }
}
