package org.redgovernance.admin.access;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.STREET;

import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Which street a community belongs to, for deciding who manages its people. */
@Repository
class AccessRepository {

  record CommunityOfStreet(String key, String name, String streetKey, String status) {}

  private final DSLContext dsl;

  AccessRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  boolean streetExists(String key) {
    return dsl.fetchExists(STREET, STREET.KEY.eq(key));
  }

  Optional<CommunityOfStreet> community(String key) {
    return dsl.select(COMMUNITY.KEY, COMMUNITY.NAME, STREET.KEY, COMMUNITY.STATUS)
        .from(COMMUNITY)
        .join(STREET)
        .on(STREET.ID.eq(COMMUNITY.STREET_ID))
        .where(COMMUNITY.KEY.eq(key))
        .fetchOptional(r -> new CommunityOfStreet(r.value1(), r.value2(), r.value3(), r.value4()));
  }
}
