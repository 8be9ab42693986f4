package org.redgovernance.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cursors of time-ordered connections go round, including those written in the earlier form. */
class TimeCursorTests {

  private static final UUID ID = UUID.fromString("c83766f0-04e2-3291-fd58-dd759de8c5e9");

  @Test
  void aCursor_decodesToItsPosition_whateverTheOffsetOfTheInstant() {
    OffsetDateTime at =
        OffsetDateTime.of(2026, 11, 28, 19, 0, 0, 250_000_000, ZoneOffset.ofHours(8));

    TimeCursor decoded =
        TimeCursor.ofKey(Page.decodeCursor(Page.encodeCursor(TimeCursor.key(at, ID))));

    assertThat(decoded.at().toInstant()).isEqualTo(at.toInstant());
    assertThat(decoded.id()).isEqualTo(ID);
    assertThat(TimeCursor.key(at, ID)).isEqualTo("2026-11-28T11:00:00.25Z|" + ID);
  }

  @Test
  void cursorsIssuedBefore_inOffsetDateTimeToStringForm_stillDecode() {
    // what clients may still hold: seconds left out when zero, the fraction in groups of three
    String earlier = Page.encodeCursor("2026-11-28T11:00Z|" + ID);

    assertThat(TimeCursor.ofKey(Page.decodeCursor(earlier)).at())
        .isEqualTo(OffsetDateTime.of(2026, 11, 28, 11, 0, 0, 0, ZoneOffset.UTC));
  }
}
