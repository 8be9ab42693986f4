package org.redgovernance.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTests {

  @Test
  void newId_isAVersion7IetfUuid() {
    UUID id = Ids.newId();
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void newId_ordersByCreationTime() {
    UUID earlier = Ids.newId(1_700_000_000_000L);
    UUID later = Ids.newId(1_700_000_000_001L);
    assertThat(earlier.toString()).isLessThan(later.toString());
  }

  @Test
  void newId_carriesItsMillisecondTimestamp() {
    UUID id = Ids.newId(1_700_000_000_123L);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(1_700_000_000_123L);
  }
}
