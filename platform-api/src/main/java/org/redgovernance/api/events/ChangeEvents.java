package org.redgovernance.api.events;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announces a change from inside the transaction that makes it. PostgreSQL delivers the
 * notification only when that transaction commits, so a rolled-back change is never announced.
 */
@Component
public class ChangeEvents {

  static final String CHANNEL = "rg_changes";

  private final JsonMapper json;

  ChangeEvents(JsonMapper json) {
    this.json = json;
  }

  public void publish(DSLContext dsl, ChangeEvent event) {
    dsl.select(
            DSL.function(
                "pg_notify",
                Object.class,
                DSL.val(CHANNEL),
                DSL.val(json.writeValueAsString(event))))
        .fetch();
  }

  /**
   * The announcement of a change as a column of the statement that makes it, one per row that
   * statement returns ({@code communityId} and {@code subjectId} of that row): the same JSON {@link
   * #publish} sends, delivered when the transaction commits.
   */
  public Field<Object> announcing(
      String topic, Field<UUID> communityId, Field<UUID> subjectId, String kind) {
    return DSL.field(
        "pg_notify({0}, json_build_object('topic', {1}, 'communityId', {2}, 'subjectId', {3},"
            + " 'kind', {4})::text)",
        Object.class, DSL.val(CHANNEL), DSL.val(topic), communityId, subjectId, DSL.val(kind));
  }
}
