package org.redgovernance.admin.lifecycle;

import static org.redgovernance.database.jooq.Tables.STREET;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.redgovernance.database.Ids;
import org.springframework.stereotype.Repository;

/** Streets in the registry. */
@Repository
class StreetRepository {

  private final DSLContext dsl;

  StreetRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Nullable String nameOf(String key) {
    return dsl.select(STREET.NAME).from(STREET).where(STREET.KEY.eq(key)).fetchOne(STREET.NAME);
  }

  void create(String key, String name) {
    dsl.insertInto(STREET)
        .set(STREET.ID, Ids.newId())
        .set(STREET.KEY, key)
        .set(STREET.NAME, name)
        .onConflictDoNothing()
        .execute();
  }
}
