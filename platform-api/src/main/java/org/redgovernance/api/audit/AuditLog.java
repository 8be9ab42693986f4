package org.redgovernance.api.audit;

import static org.redgovernance.database.jooq.Tables.AUDIT_EVENT;

import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
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
}
