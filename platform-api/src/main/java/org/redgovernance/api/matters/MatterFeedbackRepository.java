package org.redgovernance.api.matters;

import static org.redgovernance.database.jooq.Tables.MATTER_COMMENT;
import static org.redgovernance.database.jooq.Tables.MATTER_SUBCATEGORY;
import static org.redgovernance.database.jooq.Tables.MATTER_SUPPORT;

import java.util.UUID;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.redgovernance.api.commands.Write;

/**
 * What residents add to matters (support and comments) and the community's own subcategories, as
 * the changes a {@link Write} makes: each returns the row's {@code community_id} and {@code id},
 * and nothing when it changed nothing.
 */
final class MatterFeedbackRepository {

  private MatterFeedbackRepository() {}

  /** A resident's "me too"; nothing when they support the matter already. */
  static ResultQuery<? extends Record> support(UUID communityId, UUID matterId, UUID residentId) {
    return DSL.insertInto(MATTER_SUPPORT)
        .set(MATTER_SUPPORT.COMMUNITY_ID, communityId)
        .set(MATTER_SUPPORT.MATTER_ID, matterId)
        .set(MATTER_SUPPORT.RESIDENT_ID, residentId)
        .onConflictDoNothing()
        .returningResult(MATTER_SUPPORT.COMMUNITY_ID, MATTER_SUPPORT.MATTER_ID.as("id"));
  }

  /** The resident's "me too" taken back; nothing when there was none. */
  static ResultQuery<? extends Record> withdrawSupport(
      UUID communityId, UUID matterId, UUID residentId) {
    return DSL.deleteFrom(MATTER_SUPPORT)
        .where(
            MATTER_SUPPORT.COMMUNITY_ID.eq(communityId),
            MATTER_SUPPORT.MATTER_ID.eq(matterId),
            MATTER_SUPPORT.RESIDENT_ID.eq(residentId))
        .returningResult(MATTER_SUPPORT.COMMUNITY_ID, MATTER_SUPPORT.MATTER_ID.as("id"));
  }

  /** A comment with the id {@code id}, returning its matter too. */
  static ResultQuery<? extends Record> comment(
      UUID communityId,
      UUID id,
      UUID matterId,
      String authorId,
      String authorName,
      boolean staff,
      String body) {
    return DSL.insertInto(MATTER_COMMENT)
        .set(MATTER_COMMENT.COMMUNITY_ID, communityId)
        .set(MATTER_COMMENT.ID, id)
        .set(MATTER_COMMENT.MATTER_ID, matterId)
        .set(MATTER_COMMENT.AUTHOR_ID, authorId)
        .set(MATTER_COMMENT.AUTHOR_NAME, authorName)
        .set(MATTER_COMMENT.STAFF, staff)
        .set(MATTER_COMMENT.BODY, body)
        .returningResult(MATTER_COMMENT.COMMUNITY_ID, MATTER_COMMENT.ID, MATTER_COMMENT.MATTER_ID);
  }

  /** A subcategory with the id {@code id}; nothing when the category has one of that name. */
  static ResultQuery<? extends Record> addSubcategory(
      UUID communityId, UUID id, MatterCategory category, String name) {
    return DSL.insertInto(MATTER_SUBCATEGORY)
        .set(MATTER_SUBCATEGORY.COMMUNITY_ID, communityId)
        .set(MATTER_SUBCATEGORY.ID, id)
        .set(MATTER_SUBCATEGORY.CATEGORY, category.name())
        .set(MATTER_SUBCATEGORY.NAME, name)
        .onConflictDoNothing()
        .returningResult(MATTER_SUBCATEGORY.COMMUNITY_ID, MATTER_SUBCATEGORY.ID);
  }
}
