package org.redgovernance.admin.registry;

import static org.redgovernance.database.jooq.Tables.COMMUNITY;
import static org.redgovernance.database.jooq.Tables.REGISTRY_CHANGE;
import static org.redgovernance.database.jooq.Tables.STREET;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Reads the registry as tenant-admin's own role, which sees every registry row. */
@Repository
class RegistryRepository {

  /**
   * A registry entry; {@code changePosition} only on registeredCommunityChanges' events: the
   * position of the change it announces, where a subscription resumes from.
   */
  record RegisteredCommunity(
      String key,
      String name,
      String status,
      String streetKey,
      @Nullable String statusReason,
      @Nullable OffsetDateTime statusChangedAt,
      @Nullable OffsetDateTime exportedAt,
      @Nullable ErasedStatistics erasedStatistics,
      @Nullable String changePosition) {

    /** This entry as the announcement of the change at {@code position}. */
    RegisteredCommunity announcedAt(long position) {
      return new RegisteredCommunity(
          key,
          name,
          status,
          streetKey,
          statusReason,
          statusChangedAt,
          exportedAt,
          erasedStatistics,
          Long.toString(position));
    }
  }

  /** A change of the registry: its position (in commit order) and the community it changed. */
  record Change(long position, String communityKey) {}

  record Street(String key, String name) {}

  private final DSLContext dsl;
  private final JsonMapper json;

  RegistryRepository(DSLContext dsl, JsonMapper json) {
    this.dsl = dsl;
    this.json = json;
  }

  List<Street> streets() {
    return dsl.select(STREET.KEY, STREET.NAME)
        .from(STREET)
        .orderBy(STREET.KEY)
        .fetch(row -> new Street(row.value1(), row.value2()));
  }

  /** The position of the registry's last committed change (0 before any). */
  long lastPosition() {
    return dsl.select(DSL.coalesce(DSL.max(REGISTRY_CHANGE.POSITION), 0L))
        .from(REGISTRY_CHANGE)
        .fetchSingle()
        .value1();
  }

  /** The changes committed after {@code position}, in their order. */
  List<Change> changesAfter(long position) {
    return dsl.select(REGISTRY_CHANGE.POSITION, REGISTRY_CHANGE.COMMUNITY_KEY)
        .from(REGISTRY_CHANGE)
        .where(REGISTRY_CHANGE.POSITION.gt(position))
        .orderBy(REGISTRY_CHANGE.POSITION)
        .fetch(row -> new Change(row.value1(), row.value2()));
  }

  List<RegisteredCommunity> communities() {
    return communities(DSL.noCondition());
  }

  /** The registry entry of this key, as it is now. */
  Optional<RegisteredCommunity> community(String key) {
    return communities(COMMUNITY.KEY.eq(key)).stream().findFirst();
  }

  private List<RegisteredCommunity> communities(Condition which) {
    return dsl.select(
            COMMUNITY.KEY,
            COMMUNITY.NAME,
            COMMUNITY.STATUS,
            STREET.KEY,
            COMMUNITY.STATUS_REASON,
            COMMUNITY.STATUS_CHANGED_AT,
            COMMUNITY.EXPORTED_AT,
            COMMUNITY.ERASED_STATISTICS)
        .from(COMMUNITY)
        .join(STREET)
        .on(STREET.ID.eq(COMMUNITY.STREET_ID))
        .where(which)
        .orderBy(STREET.KEY, COMMUNITY.KEY)
        .fetch(
            row ->
                new RegisteredCommunity(
                    row.value1(),
                    row.value2(),
                    row.value3(),
                    row.value4(),
                    row.value5(),
                    row.value6(),
                    row.value7(),
                    row.value8() == null
                        ? null
                        : json.readValue(row.value8().data(), ErasedStatistics.class),
                    null));
  }
}
