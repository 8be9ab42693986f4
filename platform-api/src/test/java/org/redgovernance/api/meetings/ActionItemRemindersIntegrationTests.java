package org.redgovernance.api.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redgovernance.api.graphql.GlobalId;
import org.redgovernance.api.notifications.Outbox;
import org.redgovernance.api.readmodel.ReadRequest;
import org.redgovernance.api.support.Inbox;
import org.redgovernance.api.support.IntegrationTest;
import org.redgovernance.api.support.Rows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * An action item a meeting added tells its owner, and reminds them once a day while it stays open
 * past its due date; one marked done reminds nobody.
 */
class ActionItemRemindersIntegrationTests extends IntegrationTest {

  private static final String RESIDENT_ACCOUNT = "d3e00000-0000-4000-8000-000000000010";

  @Autowired ActionItemReminders reminders;
  @Autowired ApplicationContext context;

  @Test
  void anOverdueActionItem_remindsItsOwner_onceADay_untilItIsDone() {
    XinhuaMeetingDesk desk = new XinhuaMeetingDesk(graphql);
    String meeting = desk.scheduled("待办提醒测试");
    LocalDate today = LocalDate.now(ReadRequest.ZONE);
    String item =
        desk.call(
                "addActionItem",
                Map.of(
                    "meetingId",
                    meeting,
                    "description",
                    "清理楼道",
                    "ownerId",
                    Inbox.residentOf("xinhua", RESIDENT_ACCOUNT),
                    "dueOn",
                    today.toString()))
            .path("actionItem")
            .path("id")
            .asString();
    UUID local = GlobalId.decode(item).orElseThrow().id();
    Outbox.deliverNow(context);
    assertThat(Inbox.kinds(graphql, XinhuaMeetingDesk.RESIDENT, item))
        .containsExactly("ACTION_ITEM_ASSIGNED");

    Rows.update("UPDATE rg.action_item SET due_on = due_on - 2 WHERE id = ?", local);
    reminders.remindOverdue(today);
    reminders.remindOverdue(today);
    Outbox.deliverNow(context);
    assertThat(Inbox.kinds(graphql, XinhuaMeetingDesk.RESIDENT, item))
        .containsExactly("ACTION_ITEM_OVERDUE", "ACTION_ITEM_ASSIGNED");

    desk.call("updateActionItem", Map.of("id", item, "status", "DONE"));
    reminders.remindOverdue(today.plusDays(1));
    assertThat(
            Rows.count(
                "SELECT count(*) FROM rg.notification_intent WHERE subject_id = ?"
                    + " AND kind = 'ACTION_ITEM_OVERDUE'",
                local))
        .as("done: no more reminders")
        .isEqualTo(1);
  }
}
