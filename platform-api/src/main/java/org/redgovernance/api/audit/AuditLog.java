package org.redgovernance.api.audit;

import static org.redgovernance.database.jooq.Tables.AUDIT_EVENT;
import static org.redgovernance.database.jooq.Tables.STREET_AUDIT_EVENT;

import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.redgovernance.api.tenancy.AccessScope;
import org.redgovernance.database.Ids;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an audit event inside the mutation's own transaction, so that a change and its audit row
 * commit or roll back together.
 */
@Component
public class AuditLog {

  private final JsonMapper json;

  AuditLog(JsonMapper json) {
    this.json = json;
  }

  public void record(
      DSLContext dsl,
      AccessScope scope,
      UUID communityId,
      String action,
      String subjectType,
      UUID subjectId,
      Map<String, ?> details) {
    dsl.insertInto(AUDIT_EVENT)
        .set(AUDIT_EVENT.COMMUNITY_ID, communityId)
        .set(AUDIT_EVENT.ID, Ids.newId())
        .set(AUDIT_EVENT.ACTOR_ID, scope.caller().userId())
        .set(AUDIT_EVENT.ACTION, action)
        .set(AUDIT_EVENT.SUBJECT_TYPE, subjectType)
        .set(AUDIT_EVENT.SUBJECT_ID, subjectId)
        .set(AUDIT_EVENT.DETAILS, JSONB.valueOf(json.writeValueAsString(details)))
        .execute();
  }

  /**
   * The audit row of the one row {@code changed} holds — the output of a data-modifying CTE, whose
   * {@code communityId} and {@code subjectId} columns name the object — as an insert of the same
   * statement: the change and its audit record in one round trip, or neither. It returns nothing:
   * the runtime role may not read the audit log back.
   */
  public Query recordOf(
      AccessScope scope,
      Table<?> changed,
      Field<UUID> communityId,
      Field<UUID> subjectId,
      String action,
      String subjectType,
      Map<String, ?> details) {
    return DSL.insertInto(
            AUDIT_EVENT,
            AUDIT_EVENT.COMMUNITY_ID,
            AUDIT_EVENT.ID,
            AUDIT_EVENT.ACTOR_ID,
            AUDIT_EVENT.ACTION,
            AUDIT_EVENT.SUBJECT_TYPE,
            AUDIT_EVENT.SUBJECT_ID,
            AUDIT_EVENT.DETAILS)
        .select(
            DSL.select(
                    communityId,
                    DSL.val(Ids.newId()),
                    DSL.val(scope.caller().userId()),
                    DSL.val(action),
                    DSL.val(subjectType),
                    subjectId,
                    DSL.val(JSONB.valueOf(json.writeValueAsString(details))))
                .from(changed));
  }

  /**
   * The audit row of a street's own object that {@code changed} holds ({@code streetId} and {@code
   * subjectId} name it), in the street's log, as {@link #recordOf} writes a community's.
   */
  public Query streetRecordOf(
      AccessScope scope,
      Table<?> changed,
      Field<UUID> streetId,
      Field<UUID> subjectId,
      String action,
      String subjectType,
      Map<String, ?> details) {
    return DSL.insertInto(
            STREET_AUDIT_EVENT,
            STREET_AUDIT_EVENT.STREET_ID,
            STREET_AUDIT_EVENT.ID,
            STREET_AUDIT_EVENT.ACTOR_ID,
            STREET_AUDIT_EVENT.ACTION,
            STREET_AUDIT_EVENT.SUBJECT_TYPE,
            STREET_AUDIT_EVENT.SUBJECT_ID,
            STREET_AUDIT_EVENT.DETAILS)
        .select(
            DSL.select(
                    streetId,
                    DSL.val(Ids.newId()),
                    DSL.val(scope.caller().userId()),
                    DSL.val(action),
                    DSL.val(subjectType),
                    subjectId,
                    DSL.val(JSONB.valueOf(json.writeValueAsString(details))))
                .from(changed));
  }
}
