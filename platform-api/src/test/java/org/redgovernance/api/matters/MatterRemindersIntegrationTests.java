package org.redgovernance.api.matters;

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
import org.redgovernance.testing.GraphQlResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * An overdue matter reminds whoever holds it, once a day while it stays overdue, however often the
 * check runs; a matter resolved meanwhile reminds nobody.
 */
class MatterRemindersIntegrationTests extends IntegrationTest {

  private static final String SUPERVISOR_ACCOUNT = "d3e00000-0000-4000-8000-000000000007";

  @Autowired MatterReminders reminders;
  @Autowired ApplicationContext context;

  @Test
  void anOverdueMatter_remindsItsHolderAndTheAdmins_onceADay() {
    MatterDesk desk = new MatterDesk(graphql);
    String matter = desk.at("ACCEPTED", "逾期提醒测试");
    GraphQlResult assigned =
        desk.call(
            "baiguoshu.secretary",
            "assignMatter",
            Map.of(
                "id",
                matter,
                "assigneeId",
                Inbox.residentOf("baiguoshu", SUPERVISOR_ACCOUNT),
                "dueOn",
                LocalDate.now(ReadRequest.ZONE).toString()));
    assertThat(assigned.data("assignMatter.errors").size()).as("%s", assigned).isZero();
    UUID local = GlobalId.decode(matter).orElseThrow().id();
    Rows.update("UPDATE rg.matter SET due_on = due_on - 3 WHERE id = ?", local);
    LocalDate today = LocalDate.now(ReadRequest.ZONE);

    reminders.remindOverdue(today);
    reminders.remindOverdue(today);
    assertThat(reminders(local)).as("raised twice on one day: once").isEqualTo(1);
    Outbox.deliverNow(context);
    assertThat(Inbox.kinds(graphql, "baiguoshu.supervisor", matter)).contains("MATTER_OVERDUE");
    assertThat(Inbox.kinds(graphql, "baiguoshu.admin", matter))
        .as("the community's admins see that no matter is left lying")
        .contains("MATTER_OVERDUE");
    assertThat(Inbox.kinds(graphql, "baiguoshu.resident", matter)).doesNotContain("MATTER_OVERDUE");

    reminders.remindOverdue(today.plusDays(1));
    assertThat(reminders(local)).as("the next day: again").isEqualTo(2);

    desk.call("baiguoshu.admin", "resolveMatter", Map.of("id", matter, "resolution", "已处理"));
    reminders.remindOverdue(today.plusDays(2));
    assertThat(reminders(local)).as("resolved: no longer overdue").isEqualTo(2);
  }

  private static long reminders(UUID matter) {
    return Rows.count(
        "SELECT count(*) FROM rg.notification_intent WHERE subject_id = ?"
            + " AND kind = 'MATTER_OVERDUE' AND dedupe_key IS NOT NULL",
        matter);
  }
}
