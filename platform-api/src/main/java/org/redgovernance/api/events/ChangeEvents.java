package org.redgovernance.api.events;

import org.jooq.DSLContext;
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
}
