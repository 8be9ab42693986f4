package org.redgovernance.api.matters;

import java.time.LocalDate;
import org.redgovernance.api.notifications.Reminders;
import org.redgovernance.api.readmodel.ReadRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds whoever holds an overdue matter, once a day (days where the communities are) while it
 * stays overdue: checked every {@code rg.matters.overdue-check} (an hour); a day's reminder raised
 * twice is one ({@link Reminders}).
 */
@Component
class MatterReminders {

  private static final Logger log = LoggerFactory.getLogger(MatterReminders.class);

  private final Reminders reminders;

  MatterReminders(Reminders reminders) {
    this.reminders = reminders;
  }

  @Scheduled(
      initialDelayString = "${rg.matters.overdue-check:PT1H}",
      fixedDelayString = "${rg.matters.overdue-check:PT1H}")
  void run() {
    int raised = remindOverdue(LocalDate.now(ReadRequest.ZONE));
    if (raised > 0) {
      log.info("Reminded the holders of {} overdue matters", raised);
    }
  }

  /** Raises the reminders of {@code today}; how many. */
  int remindOverdue(LocalDate today) {
    return reminders.raise(
        MatterNotifications.OVERDUE,
        community -> MatterAudienceRepository.overdue(community, today),
        today);
  }
}
