package org.redgovernance.api.matters;

import static org.redgovernance.database.jooq.Tables.MATTER_COMMENT;
import static org.redgovernance.database.jooq.Tables.MATTER_SUBCATEGORY;
import static org.redgovernance.database.jooq.Tables.MATTER_SUPPORT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.graphql.PageRows;
import org.redgovernance.api.graphql.TimeCursor;
import org.redgovernance.api.matters.Matter.MatterSubcategory;
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

  MatterComment comment(
      DSLContext dsl,
      UUID communityId,
      UUID matterId,
      String authorId,
      String authorName,
      boolean staff,
      String body) {
    return toComment(
        dsl.insertInto(MATTER_COMMENT)
            .set(MATTER_COMMENT.COMMUNITY_ID, communityId)
            .set(MATTER_COMMENT.ID, Ids.newId())
            .set(MATTER_COMMENT.MATTER_ID, matterId)
            .set(MATTER_COMMENT.AUTHOR_ID, authorId)
            .set(MATTER_COMMENT.AUTHOR_NAME, authorName)
            .set(MATTER_COMMENT.STAFF, staff)
            .set(MATTER_COMMENT.BODY, body)
            .returning()
            .fetchSingle());
  }

  /**
   * The first {@code limit} comments after {@code after} of each matter, oldest first, and when
   * {@code counted} how many each matter has: one statement however many matters are asked for. A
   * matter's page is a LATERAL subquery that walks its comments in index order; the matter is
   * left-joined to it, so a matter with no comment (after the cursor) still brings its count.
   */
  Map<UUID, PageRows<MatterComment>> comments(
      DSLContext dsl,
      UUID communityId,
      Collection<UUID> matterIds,
      @Nullable TimeCursor after,
      int limit,
      boolean counted) {
    Table<?> asked = DSL.unnest(matterIds.toArray(UUID[]::new)).as("asked", "matter_id");
    Field<UUID> matterId = asked.field("matter_id", UUID.class);
    Condition ofMatter =
        MATTER_COMMENT.COMMUNITY_ID.eq(communityId).and(MATTER_COMMENT.MATTER_ID.eq(matterId));
    Table<?> page =
        DSL.lateral(
                DSL.selectFrom(MATTER_COMMENT)
                    .where(ofMatter)
                    .and(
                        after == null
                            ? DSL.noCondition()
                            : DSL.row(MATTER_COMMENT.CREATED_AT, MATTER_COMMENT.ID)
                                .gt(after.at(), after.id()))
                    .orderBy(MATTER_COMMENT.CREATED_AT, MATTER_COMMENT.ID)
                    .limit(limit))
            .as("page");
    Field<Integer> total =
        counted
            ? DSL.field(DSL.selectCount().from(MATTER_COMMENT).where(ofMatter)).as("total")
            : DSL.inline((Integer) null).as("total");
    Map<UUID, List<MatterComment>> rows = new LinkedHashMap<>();
    Map<UUID, Integer> totals = new HashMap<>();
    for (Record r :
        dsl.select(matterId, total)
            .select(page.fields())
            .from(asked)
            .leftJoin(page)
            .on(DSL.trueCondition())
            .orderBy(matterId, page.field(MATTER_COMMENT.CREATED_AT), page.field(MATTER_COMMENT.ID))
            .fetch()) {
      UUID matter = r.get(matterId);
      rows.computeIfAbsent(matter, m -> new ArrayList<>());
      totals.put(matter, r.get(total));
      if (r.get(page.field(MATTER_COMMENT.ID)) != null) {
        rows.get(matter).add(toComment(r, page));
      }
    }
    Map<UUID, PageRows<MatterComment>> pages = new LinkedHashMap<>();
    rows.forEach(
        (matter, comments) -> pages.put(matter, new PageRows<>(comments, totals.get(matter))));
    return pages;
  }

  Optional<MatterComment> findComment(DSLContext dsl, UUID communityId, UUID id) {
    return dsl.selectFrom(MATTER_COMMENT)
        .where(MATTER_COMMENT.COMMUNITY_ID.eq(communityId), MATTER_COMMENT.ID.eq(id))
        .fetchOptional(MatterFeedbackRepository::toComment);
  }

  List<MatterSubcategory> subcategories(DSLContext dsl, UUID communityId) {
    return dsl.selectFrom(MATTER_SUBCATEGORY)
        .where(MATTER_SUBCATEGORY.COMMUNITY_ID.eq(communityId))
        .orderBy(MATTER_SUBCATEGORY.CATEGORY, MATTER_SUBCATEGORY.NAME)
        .fetch(
            r ->
                new MatterSubcategory(
                    GlobalId.of(Matter.SUBCATEGORY_TYPE, communityId, r.getId()),
                    MatterCategory.valueOf(r.getCategory()),
                    r.getName()));
  }

  /** The new subcategory, or empty when the category already has one of that name. */
  Optional<MatterSubcategory> addSubcategory(
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
    return added == 1
        ? Optional.of(
            new MatterSubcategory(
                GlobalId.of(Matter.SUBCATEGORY_TYPE, communityId, id), category, name))
        : Optional.empty();
  }

  private static MatterComment toComment(Record r) {
    return new MatterComment(
        r.get(MATTER_COMMENT.COMMUNITY_ID),
        r.get(MATTER_COMMENT.ID),
        r.get(MATTER_COMMENT.MATTER_ID),
        r.get(MATTER_COMMENT.AUTHOR_ID),
        r.get(MATTER_COMMENT.AUTHOR_NAME),
        r.get(MATTER_COMMENT.STAFF),
        r.get(MATTER_COMMENT.BODY),
        r.get(MATTER_COMMENT.CREATED_AT));
  }

  private static MatterComment toComment(Record r, Table<?> table) {
    return new MatterComment(
        r.get(table.field(MATTER_COMMENT.COMMUNITY_ID)),
        r.get(table.field(MATTER_COMMENT.ID)),
        r.get(table.field(MATTER_COMMENT.MATTER_ID)),
        r.get(table.field(MATTER_COMMENT.AUTHOR_ID)),
        r.get(table.field(MATTER_COMMENT.AUTHOR_NAME)),
        r.get(table.field(MATTER_COMMENT.STAFF)),
        r.get(table.field(MATTER_COMMENT.BODY)),
        r.get(table.field(MATTER_COMMENT.CREATED_AT)));
  }
}
