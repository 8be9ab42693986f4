package org.redgovernance.api.matters;

import java.time.LocalDate;
import org.redgovernance.api.readmodel.ReadRequest;

/** Due dates are calendar days where the communities are, not on the server's clock. */
final class MatterClock {

  private MatterClock() {}

  static LocalDate today() {
    return LocalDate.now(ReadRequest.ZONE);
  }
}
