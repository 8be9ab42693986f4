package org.redgovernance.admin.access;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.STREET;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Which street a community belongs to, for deciding who manages its people. */
@Repository
public class AccessRepository {

  public record CommunityOfStreet(
      String key, String name, String streetKey, String status, UUID id) {}

  private final DSLContext dsl;

  AccessRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  boolean streetExists(String key) {
    return dsl.fetchExists(STREET, STREET.KEY.eq(key));
  }

  /** The keys of the street's communities. */
  List<String> communityKeys(String streetKey) {
    return dsl.select(COMMUNITY.KEY)
        .from(COMMUNITY)
        .join(STREET)
        .on(STREET.ID.eq(COMMUNITY.STREET_ID))
        .where(STREET.KEY.eq(streetKey))
        .fetch(COMMUNITY.KEY);
  }

  public Optional<CommunityOfStreet> community(String key) {
    return dsl.select(COMMUNITY.KEY, COMMUNITY.NAME, STREET.KEY, COMMUNITY.STATUS, COMMUNITY.ID)
        .from(COMMUNITY)
        .join(STREET)
        .on(STREET.ID.eq(COMMUNITY.STREET_ID))
        .where(COMMUNITY.KEY.eq(key))
        .fetchOptional(
            r -> new CommunityOfStreet(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
  }
}
