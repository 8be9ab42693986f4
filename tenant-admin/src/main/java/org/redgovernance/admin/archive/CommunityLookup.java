package org.redgovernance.admin.archive;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.STREET;

import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The registry entry of the community being exported or imported into. */
@Repository
class CommunityLookup {

  record Found(UUID id, String key, String name, String streetKey, String status) {}

  private final DSLContext dsl;

  CommunityLookup(DSLContext dsl) {
    this.dsl = dsl;
  }

  Optional<Found> find(String key) {
    return dsl.select(COMMUNITY.ID, COMMUNITY.KEY, COMMUNITY.NAME, STREET.KEY, COMMUNITY.STATUS)
        .from(COMMUNITY)
        .join(STREET)
        .on(STREET.ID.eq(COMMUNITY.STREET_ID))
        .where(COMMUNITY.KEY.eq(key))
        .fetchOptional(r -> new Found(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }
}
