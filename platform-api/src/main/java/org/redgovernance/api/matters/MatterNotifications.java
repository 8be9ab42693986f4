package org.redgovernance.api.matters;

import java.util.List;
import java.util.Map;
import org.redgovernance.api.notifications.NotificationCategory;
import org.redgovernance.api.notifications.NotificationIntent;
import org.redgovernance.api.notifications.NotificationSubject;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who hears of what happens to a matter: which steps tell whom ({@link #of}), and who those
 * audiences are when the dispatcher asks, before each delivery too — a reassigned matter's former
 * assignee, or a supervisor after the matter was verified, gets nothing more.
 *
 * <ul>
 *   <li>{@code REPORTER}: the account of the resident the matter was raised for;
 *   <li>{@code ASSIGNEE}: whoever holds it while it is in progress (a body: its seated members);
 *   <li>{@code SUPERVISORS}: the supervisory committee's seated members while it waits for them;
 *   <li>{@code OVERDUE_HOLDER_OR_ADMIN}: whoever holds it and the community's admins, while it is
 *       overdue ({@link MatterReminders}); {@code OVERDUE_HOLDER}, the holder alone, answers for
 *       reminders raised before the admins were told too.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class MatterNotifications {

  static final String REPORTER = "REPORTER";
  static final String ASSIGNEE = "ASSIGNEE";
  static final String SUPERVISORS = "SUPERVISORS";
  static final String OVERDUE_HOLDER = "OVERDUE_HOLDER";
  static final String OVERDUE_HOLDER_OR_ADMIN = "OVERDUE_HOLDER_OR_ADMIN";

  /**
   * An overdue matter reminds whoever holds it and the community's admins, once a day while it
   * stays overdue.
   */
  static final NotificationIntent OVERDUE =
      new NotificationIntent(
          NotificationCategory.MATTERS_ASSIGNED_TO_ME,
          "MATTER_OVERDUE",
          MatterTypes.MATTER,
          OVERDUE_HOLDER_OR_ADMIN);

  /** A comment on a matter tells its reporter (the comment's own author is never told). */
  static final NotificationIntent COMMENTED = toReporter("MATTER_COMMENTED");

  @Bean
  NotificationSubject matterSubject(MatterAudienceRepository audiences) {
    return NotificationSubject.of(
        MatterTypes.MATTER,
        Map.of(
            REPORTER, audiences::reporter,
            ASSIGNEE, audiences::assignee,
            SUPERVISORS, audiences::supervisors,
            OVERDUE_HOLDER, audiences::overdueHolder,
            OVERDUE_HOLDER_OR_ADMIN, audiences::overdueHolderOrAdmin),
        audiences::values);
  }

  /** What taking {@code step} tells whom. */
  static List<NotificationIntent> of(MatterStep step) {
    return switch (step) {
      case ACCEPT -> List.of(toReporter("MATTER_ACCEPTED"));
      case REJECT -> List.of(toReporter("MATTER_REJECTED"));
      case ASSIGN ->
          List.of(
              new NotificationIntent(
                  NotificationCategory.MATTERS_ASSIGNED_TO_ME,
                  "MATTER_ASSIGNED",
                  MatterTypes.MATTER,
                  ASSIGNEE));
      case RESOLVE ->
          List.of(
              new NotificationIntent(
                  NotificationCategory.VERIFICATIONS_WAITING,
                  "MATTER_RESOLVED",
                  MatterTypes.MATTER,
                  SUPERVISORS));
      case VERIFY -> List.of(toReporter("MATTER_VERIFIED"));
      case REOPEN -> List.of(toReporter("MATTER_REOPENED"));
      case SCHEDULE, CLOSE, AUTO_CLOSE -> List.of();
    };
  }

  private static NotificationIntent toReporter(String kind) {
    return new NotificationIntent(
        NotificationCategory.MATTERS_I_RAISED, kind, MatterTypes.MATTER, REPORTER);
  }
}
