package org.redgovernance.api.meetings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.redgovernance.api.meetings.MeetingRepository.NewMeeting;
import org.redgovernance.api.meetings.MeetingRepository.NewSeries;
import org.redgovernance.database.Ids;
import org.springframework.stereotype.Component;

/**
 * Creates a weekly series' meetings for the weeks ahead. Meetings are made at most {@link
 * #WEEKS_AHEAD} weeks ahead (so that a changed plan does not leave months of stale meetings) and
 * rolled forward daily; the unique (series, start) key makes every run idempotent.
 */
@Component
class MeetingPlanner {

  static final int WEEKS_AHEAD = 8;
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final MeetingRepository meetings;

  MeetingPlanner(MeetingRepository meetings) {
    this.meetings = meetings;
  }

  /** The ids of the meetings created now for the series. */
  List<UUID> plan(DSLContext dsl, NewSeries series, LocalDate today) {
    LocalDate from = series.startsOn().isAfter(today) ? series.startsOn() : today;
    LocalDate until = today.plusWeeks(WEEKS_AHEAD);
    if (series.endsOn() != null && series.endsOn().isBefore(until)) {
      until = series.endsOn();
    }
    List<UUID> created = new ArrayList<>();
    for (LocalDate day =
            from.with(TemporalAdjusters.nextOrSame(java.time.DayOfWeek.of(series.weekday())));
        !day.isAfter(until);
        day = day.plusWeeks(1)) {
      OffsetDateTime startsAt = day.atTime(series.time()).atZone(ZONE).toOffsetDateTime();
      if (startsAt.isBefore(OffsetDateTime.now())) {
        continue;
      }
      UUID id = Ids.newId();
      boolean made =
          meetings.insert(
              dsl,
              new NewMeeting(
                  series.communityId(),
                  id,
                  series.id(),
                  series.kind(),
                  series.title(),
                  startsAt,
                  startsAt.plusMinutes(series.durationMinutes()),
                  series.servicePostId(),
                  series.placeText(),
                  series.convenerName(),
                  series.invitedBodyIds()));
      if (made) {
        created.add(id);
      }
    }
    return created;
  }
}
