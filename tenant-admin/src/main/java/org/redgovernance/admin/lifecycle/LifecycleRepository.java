package org.redgovernance.admin.lifecycle;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.STREET;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** The registry rows whose status tenant-admin changes. */
@Repository
class LifecycleRepository {

  record CommunityState(
      String key,
      String name,
      String status,
      String streetKey,
      @Nullable String statusReason,
      @Nullable OffsetDateTime statusChangedAt) {}

  private final DSLContext dsl;

  LifecycleRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  Optional<CommunityState> find(String key) {
    return dsl.select(
            COMMUNITY.KEY,
            COMMUNITY.NAME,
            COMMUNITY.STATUS,
            STREET.KEY,
            COMMUNITY.STATUS_REASON,
            COMMUNITY.STATUS_CHANGED_AT)
        .from(COMMUNITY)
        .join(STREET)
        .on(STREET.ID.eq(COMMUNITY.STREET_ID))
        .where(COMMUNITY.KEY.eq(key))
        .fetchOptional(
            r ->
                new CommunityState(
                    r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
  }

  /** Changes the status if it is still {@code expected}; false if someone changed it first. */
  boolean changeStatus(String key, String expected, String to, String reason) {
    return dsl.update(COMMUNITY)
            .set(COMMUNITY.STATUS, to)
            .set(COMMUNITY.STATUS_REASON, reason)
            .set(COMMUNITY.STATUS_CHANGED_AT, DSL.currentOffsetDateTime())
            .where(COMMUNITY.KEY.eq(key), COMMUNITY.STATUS.eq(expected))
            .execute()
        == 1;
  }
}
