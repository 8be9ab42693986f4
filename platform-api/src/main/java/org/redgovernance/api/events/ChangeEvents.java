package org.redgovernance.api.events;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Announces a change from inside the transaction that makes it: {@code rg.announce} records it
 * (rg.change_event), and as the transaction commits it is given the next position of its community
 * and the change channel is notified. PostgreSQL delivers the notification only after that commit,
 * and a rolled-back change leaves no record, so a change is announced exactly when it happened. The
 * position is given at commit, not here, so that writes to one community do not wait for each
 * other's whole transaction.
 */
@Component
public class ChangeEvents {

  static final String CHANNEL = "rg_changes";

  public void publish(DSLContext dsl, ChangeEvent event) {
    dsl.execute(
        "SELECT rg.announce({0}, {1}, {2}, {3}, {4})",
        DSL.val(event.topic()),
        DSL.val(event.communityId()),
        DSL.val(event.subjectId()),
        DSL.val(event.kind()),
        DSL.val(event.recipient(), String.class));
  }

  /**
   * The announcement of a change as a column of the statement that makes it, one per row that
   * statement returns ({@code communityId} and {@code subjectId} of that row): the same JSON {@link
   * #publish} sends, delivered when the transaction commits.
   */
  public Field<Object> announcing(
      String topic, Field<UUID> communityId, Field<UUID> subjectId, String kind) {
    return DSL.field(
        "rg.announce({0}, {1}, {2}, {3})",
        Object.class, DSL.val(topic), communityId, subjectId, DSL.val(kind));
  }
}
