package org.redgovernance.admin.registry;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.STREET;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Reads the registry as tenant-admin's own role, which sees every registry row. */
@Repository
class RegistryRepository {

  record RegisteredCommunity(
      String key,
      String name,
      String status,
      String streetKey,
      @Nullable String statusReason,
      @Nullable OffsetDateTime statusChangedAt) {}

  record Street(String key, String name) {}

  private final DSLContext dsl;

  RegistryRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  List<Street> streets() {
    return dsl.select(STREET.KEY, STREET.NAME)
        .from(STREET)
        .orderBy(STREET.KEY)
        .fetch(row -> new Street(row.value1(), row.value2()));
  }

  List<RegisteredCommunity> communities() {
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
        .orderBy(STREET.KEY, COMMUNITY.KEY)
        .fetch(
            row ->
                new RegisteredCommunity(
                    row.value1(),
                    row.value2(),
                    row.value3(),
                    row.value4(),
                    row.value5(),
                    row.value6()));
  }
}
