package org.redgovernance.api.readmodel;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.api.tenancy.ReachableCommunity;

/**
 * The application's wall in SQL: rows kept to some of the caller's communities. Written as one
 * array bind ({@code community_id = any(?)}), not a bind per community: a street's staff reach
 * fifty communities, and a statement naming them for each of its tables was fifty times longer to
 * build, send and plan.
 */
public final class InCommunities {

  private static final DataType<UUID[]> UUIDS = SQLDataType.UUID.getArrayDataType();

  private InCommunities() {}

  /** Rows of one of {@code ids}; none when it is empty. */
  public static Condition of(Field<UUID> communityId, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return DSL.falseCondition();
    }
    if (ids.size() == 1) {
      return communityId.eq(ids.iterator().next());
    }
    return communityId.eq(DSL.any(DSL.val(ids.toArray(UUID[]::new), UUIDS)));
  }

  /** Rows of none of {@code ids}; all when it is empty. */
  public static Condition notOf(Field<UUID> communityId, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return DSL.trueCondition();
    }
    if (ids.size() == 1) {
      return communityId.ne(ids.iterator().next());
    }
    return communityId.ne(DSL.all(DSL.val(ids.toArray(UUID[]::new), UUIDS)));
  }

  /** Rows of any community the caller reaches. */
  public static Condition inScope(Field<UUID> communityId, AccessScope scope) {
    return of(communityId, scope.communityIds());
  }

  /** Rows of the caller's communities where {@code rule} accepts their role. */
  public static Condition where(
      Field<UUID> communityId, AccessScope scope, Predicate<ReachableCommunity> rule) {
    return of(communityId, ids(scope, rule));
  }

  /** The ids of the caller's communities where {@code rule} accepts their role. */
  public static List<UUID> ids(AccessScope scope, Predicate<ReachableCommunity> rule) {
    return scope.communities().stream().filter(rule).map(ReachableCommunity::id).toList();
  }
}
