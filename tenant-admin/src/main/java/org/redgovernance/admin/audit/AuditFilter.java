package org.redgovernance.admin.audit;

import static org.redgovernance.database.jooq.Tables.ADMIN_AUDIT_EVENT;

import java.time.OffsetDateTime;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Which entries of a street's log to read ({@code AdminAuditFilter}): of one community, of one
 * action, from and until a moment; each left out matches every entry. The page and the export read
 * the same entries for the same filter.
 */
record AuditFilter(
    @Nullable String communityKey,
    @Nullable String action,
    @Nullable OffsetDateTime from,
    @Nullable OffsetDateTime until) {

  static final AuditFilter ALL = new AuditFilter(null, null, null, null);

  Condition condition() {
    Condition where = DSL.noCondition();
    if (communityKey != null) {
      where = where.and(ADMIN_AUDIT_EVENT.COMMUNITY_KEY.eq(communityKey));
    }
    if (action != null) {
      where = where.and(ADMIN_AUDIT_EVENT.ACTION.eq(action));
    }
    if (from != null) {
      where = where.and(ADMIN_AUDIT_EVENT.OCCURRED_AT.ge(from));
    }
    if (until != null) {
      where = where.and(ADMIN_AUDIT_EVENT.OCCURRED_AT.lt(until));
    }
    return where;
  }
}
