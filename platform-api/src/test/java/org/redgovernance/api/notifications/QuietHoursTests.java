package org.redgovernance.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Quiet hours hold a message until they end, across midnight too, and never otherwise. */
class QuietHoursTests {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void lateInTheEvening_aMessageWaitsUntilTomorrowMorning() {
    assertThat(QuietHours.DEFAULT.holdUntil(at(2026, 12, 4, 23, 30)))
        .contains(local(2026, 12, 5, 7, 0));
    assertThat(QuietHours.DEFAULT.holdUntil(at(2026, 12, 4, 22, 0)))
        .as("from is in")
        .contains(local(2026, 12, 5, 7, 0));
  }

  @Test
  void beforeDawn_aMessageWaitsUntilThisMorning() {
    assertThat(QuietHours.DEFAULT.holdUntil(at(2026, 12, 31, 3, 0)))
        .contains(local(2026, 12, 31, 7, 0));
  }

  @Test
  void inTheDaytime_andAtTheEndOfTheQuietHours_nothingWaits() {
    assertThat(QuietHours.DEFAULT.holdUntil(at(2026, 12, 4, 12, 0))).isEmpty();
    assertThat(QuietHours.DEFAULT.holdUntil(at(2026, 12, 4, 7, 0))).as("until is out").isEmpty();
  }

  @Test
  void quietHoursWithinOneDay_andNone() {
    QuietHours nap = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 30), SHANGHAI);
    assertThat(nap.holdUntil(at(2026, 12, 4, 13, 45))).contains(local(2026, 12, 4, 14, 30));
    assertThat(nap.holdUntil(at(2026, 12, 4, 23, 0))).isEmpty();
    QuietHours none = new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0), SHANGHAI);
    assertThat(none.any()).isFalse();
    assertThat(none.holdUntil(at(2026, 12, 4, 8, 0))).isEmpty();
  }

  private static java.time.Instant at(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SHANGHAI).toInstant();
  }

  private static OffsetDateTime local(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SHANGHAI).toOffsetDateTime();
  }
}
