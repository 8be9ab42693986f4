package org.redgovernance.api.meetings;

import java.time.LocalDate;
import org.redgovernance.api.notifications.Reminders;
import org.redgovernance.api.readmodel.ReadRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds the owner of an open action item past its due date, once a day (days where the
 * communities are): checked every {@code rg.meetings.overdue-check} (an hour); a day's reminder
 * raised twice is one ({@link Reminders}).
 */
@Component
class ActionItemReminders {

  private static final Logger log = LoggerFactory.getLogger(ActionItemReminders.class);

  private final Reminders reminders;

  ActionItemReminders(Reminders reminders) {
    this.reminders = reminders;
  }

  @Scheduled(
      initialDelayString = "${rg.meetings.overdue-check:PT1H}",
      fixedDelayString = "${rg.meetings.overdue-check:PT1H}")
  void run() {
    int raised = remindOverdue(LocalDate.now(ReadRequest.ZONE));
    if (raised > 0) {
      log.info("Reminded the owners of {} overdue action items", raised);
    }
  }

  /** Raises the reminders of {@code today}; how many. */
  int remindOverdue(LocalDate today) {
    return reminders.raise(
        MeetingNotifications.ACTION_ITEM_OVERDUE,
        community -> MeetingAudienceRepository.overdueActionItems(community, today),
        today);
  }
}
