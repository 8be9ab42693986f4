package org.redgovernance.api.notifications;

import java.util.UUID;
import java.util.function.Function;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.redgovernance.api.commands.Write;

/**
 * The one entry point of features into notifications: the intent of a change, written beside it
 * ({@link Write#alongside}) in the statement that makes it, so that it commits or rolls back with
 * the change. Nothing else is to do: the dispatcher finds the intent once the change committed.
 * (Reminders that no change makes, such as an overdue matter's, go through {@link Reminders}.)
 */
public final class Notifications {

  private Notifications() {}

  /** {@code intent} about the row the change wrote. */
  public static Function<Write.Row, Query> recorded(NotificationIntent intent) {
    return row -> NotificationRepository.intentFrom(row, row.id(), intent);
  }

  /**
   * {@code intent} about an object of the change's community that the change did not write but made
   * beside it ({@code subjectId}: an action item added to the meeting written).
   */
  public static Function<Write.Row, Query> recorded(NotificationIntent intent, UUID subjectId) {
    return row -> NotificationRepository.intentFrom(row, DSL.val(subjectId), intent);
  }

  /**
   * {@code intent} about another object than the row written: the one whose id is in the change's
   * column {@code subject} (a comment's matter).
   */
  public static Function<Write.Row, Query> recorded(NotificationIntent intent, String subject) {
    return row -> {
      Field<UUID> subjectId = DSL.field(DSL.name(row.table().getName(), subject), UUID.class);
      return NotificationRepository.intentFrom(row, subjectId, intent);
    };
  }
}
