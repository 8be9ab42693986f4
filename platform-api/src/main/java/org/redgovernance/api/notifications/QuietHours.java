package org.redgovernance.api.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.redgovernance.api.readmodel.ReadRequest;

/**
 * The hours of a person's night, [from, until) in their time zone, possibly across midnight (22:00
 * to 07:00, the platform's default): messages that would reach their phone or mailbox then wait
 * until it ends; none are dropped. From = until: no quiet hours.
 */
record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

  static final QuietHours DEFAULT =
      new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ReadRequest.ZONE);

  /** Whether there are any. */
  boolean any() {
    return !from.equals(until);
  }

  /** When the quiet hours {@code now} falls in end; nothing when it falls in none. */
  Optional<OffsetDateTime> holdUntil(Instant now) {
    if (!any()) {
      return Optional.empty();
    }
    ZonedDateTime local = now.atZone(zone);
    LocalTime time = local.toLocalTime();
    boolean acrossMidnight = until.isBefore(from);
    boolean quiet =
        acrossMidnight
            ? !time.isBefore(from) || time.isBefore(until)
            : !time.isBefore(from) && time.isBefore(until);
    if (!quiet) {
      return Optional.empty();
    }
    LocalDate endDay =
        acrossMidnight && !time.isBefore(from)
            ? local.toLocalDate().plusDays(1)
            : local.toLocalDate();
    return Optional.of(ZonedDateTime.of(endDay, until, zone).toOffsetDateTime());
  }
}
