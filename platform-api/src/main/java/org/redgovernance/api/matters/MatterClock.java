package org.redgovernance.api.matters;

import java.time.LocalDate;
import java.time.ZoneId;

/** Due dates are calendar days where the communities are, not on the server's clock. */
final class MatterClock {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private MatterClock() {}

  static LocalDate today() {
    return LocalDate.now(ZONE);
  }
}
