package org.redgovernance.admin.audit;

import static org.redgovernance.database.jooq.Tables.ADMIN_AUDIT_EVENT;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.redgovernance.admin.security.Operator;
import org.redgovernance.database.Ids;
import org.redgovernance.database.jooq.tables.records.AdminAuditEventRecord;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** {@code rg.admin_audit_event}: written by every tenant-admin action, read by street admins. */
@Repository
public class AdminAuditRepository {

  /** One entry as the query returns it. */
  public record Entry(
      UUID id,
      OffsetDateTime occurredAt,
      String actorName,
      String action,
      String streetKey,
      @Nullable String communityKey,
      String result,
      @Nullable String reason) {}

  private final DSLContext dsl;
  private final JsonMapper json;

  AdminAuditRepository(DSLContext dsl, JsonMapper json) {
    this.dsl = dsl;
    this.json = json;
  }

  /** Records an action; inside the caller's transaction when there is one. */
  public void record(
      Operator operator,
      String action,
      String streetKey,
      @Nullable String communityKey,
      String result,
      @Nullable String reason,
      Map<String, ?> details) {
    dsl.insertInto(ADMIN_AUDIT_EVENT)
        .set(ADMIN_AUDIT_EVENT.ID, Ids.newId())
        .set(ADMIN_AUDIT_EVENT.ACTOR_ID, operator.userId())
        .set(ADMIN_AUDIT_EVENT.ACTOR_NAME, operator.displayName())
        .set(ADMIN_AUDIT_EVENT.ACTION, action)
        .set(ADMIN_AUDIT_EVENT.STREET_KEY, streetKey)
        .set(ADMIN_AUDIT_EVENT.COMMUNITY_KEY, communityKey)
        .set(ADMIN_AUDIT_EVENT.RESULT, result)
        .set(ADMIN_AUDIT_EVENT.REASON, reason)
        .set(ADMIN_AUDIT_EVENT.DETAILS, JSONB.valueOf(json.writeValueAsString(details)))
        .execute();
  }

  /**
   * A street's entries the filter matches, newest first, before the entry {@code before} if given.
   */
  List<Entry> page(String streetKey, AuditFilter filter, @Nullable UUID before, int limit) {
    var where = ADMIN_AUDIT_EVENT.STREET_KEY.eq(streetKey).and(filter.condition());
    if (before != null) {
      where = where.and(ADMIN_AUDIT_EVENT.ID.lt(before));
    }
    return dsl.selectFrom(ADMIN_AUDIT_EVENT)
        .where(where)
        .orderBy(ADMIN_AUDIT_EVENT.ID.desc())
        .limit(limit)
        .fetch(AdminAuditRepository::entry);
  }

  /**
   * Every entry of the street the filter matches, newest first, handed to {@code each} as the
   * database cursor reads them (500 at a time), so that an export of years holds no more in memory.
   */
  void each(String streetKey, AuditFilter filter, Consumer<Entry> each) {
    dsl.transaction(
        configuration -> {
          try (var cursor =
              configuration
                  .dsl()
                  .selectFrom(ADMIN_AUDIT_EVENT)
                  .where(ADMIN_AUDIT_EVENT.STREET_KEY.eq(streetKey).and(filter.condition()))
                  .orderBy(ADMIN_AUDIT_EVENT.ID.desc())
                  .fetchSize(500)
                  .fetchLazy()) {
            cursor.forEach(row -> each.accept(entry(row)));
          }
        });
  }

  private static Entry entry(AdminAuditEventRecord r) {
    return new Entry(
        r.getId(),
        r.getOccurredAt(),
        r.getActorName(),
        r.getAction(),
        r.getStreetKey(),
        r.getCommunityKey(),
        r.getResult(),
        r.getReason());
  }
}
