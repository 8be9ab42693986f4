package org.redgovernance.api.communities;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.STREET;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.redgovernance.api.tenancy.CommunityStatus;
import org.springframework.stereotype.Repository;

/**
 * Reads the registry through row-level security: even with a bug upstream, only communities of the
 * transaction's tenant context come back.
 */
@Repository
class CommunityRepository {

  record CommunityRow(UUID id, String key) {}

  /** Up to {@code limit} communities after {@code afterKey}, ordered by key. */
  List<CommunityRow> page(
      DSLContext dsl,
      @Nullable String streetKey,
      @Nullable List<CommunityStatus> statuses,
      @Nullable String afterKey,
      int limit) {
    List<Condition> where = new ArrayList<>();
    if (streetKey != null) {
      where.add(STREET.KEY.eq(streetKey));
    }
    if (statuses != null && !statuses.isEmpty()) {
      where.add(COMMUNITY.STATUS.in(statuses.stream().map(Enum::name).toList()));
    }
    if (afterKey != null) {
      where.add(COMMUNITY.KEY.gt(afterKey));
    }
    return dsl.select(COMMUNITY.ID, COMMUNITY.KEY)
        .from(COMMUNITY)
        .join(STREET)
        .on(STREET.ID.eq(COMMUNITY.STREET_ID))
        .where(DSL.and(where))
        .orderBy(COMMUNITY.KEY)
        .limit(limit)
        .fetch(row -> new CommunityRow(row.value1(), row.value2()));
  }
}
