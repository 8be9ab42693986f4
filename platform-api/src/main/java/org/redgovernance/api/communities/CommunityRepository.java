package org.redgovernance.api.communities;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.STREET;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.graphql.PageRows;
import org.redgovernance.api.tenancy.CommunityStatus;
import org.springframework.stereotype.Repository;

/**
 * Reads the registry through row-level security: even with a bug upstream, only communities of the
 * transaction's tenant context come back.
 */
@Repository
class CommunityRepository {

  record CommunityRow(UUID id, String key) {}

  /**
   * Up to {@code limit} of the {@code reachable} communities after {@code afterKey}, ordered by
   * key, with how many match in all when {@code counted}.
   */
  PageRows<CommunityRow> page(
      DSLContext dsl,
      Collection<UUID> reachable,
      @Nullable String streetKey,
      @Nullable List<CommunityStatus> statuses,
      @Nullable String afterKey,
      int limit,
      boolean counted) {
    List<Condition> where = new ArrayList<>();
    where.add(COMMUNITY.ID.in(reachable));
    if (streetKey != null) {
      where.add(STREET.KEY.eq(streetKey));
    }
    if (statuses != null && !statuses.isEmpty()) {
      where.add(COMMUNITY.STATUS.in(statuses.stream().map(Enum::name).toList()));
    }
    Condition cursor = afterKey == null ? DSL.noCondition() : COMMUNITY.KEY.gt(afterKey);
    return PageRows.fetch(
        dsl,
        DSL.select(COMMUNITY.ID, COMMUNITY.KEY)
            .from(withStreet())
            .where(DSL.and(where).and(cursor))
            .orderBy(COMMUNITY.KEY)
            .limit(limit),
        counted ? DSL.selectCount().from(withStreet()).where(where) : null,
        row -> new CommunityRow(row.get(COMMUNITY.ID), row.get(COMMUNITY.KEY)));
  }

  private static Table<?> withStreet() {
    return COMMUNITY.join(STREET).on(STREET.ID.eq(COMMUNITY.STREET_ID));
  }
}
