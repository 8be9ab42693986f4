package org.redgovernance.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The operation label's bound: a client that sends made-up operation names fills the names' budget
 * and no more, and the front ends' registered operations keep their own labels whatever came before
 * them.
 */
class OperationMetricsTests {

  @Test
  void madeUpNamesFillTheBudget_butNeverCrowdOutTheFrontEndsOperations() {
    OperationMetrics metrics =
        new OperationMetrics(new SimpleMeterRegistry(), Set.of("StreetComparison"), 3);
    for (int i = 0; i < 50; i++) {
      metrics.bounded("MadeUp" + i);
    }
    assertThat(metrics.bounded("MadeUp0")).isEqualTo("MadeUp0");
    assertThat(metrics.bounded("MadeUp2")).isEqualTo("MadeUp2");
    assertThat(metrics.bounded("MadeUp3")).isEqualTo("other");
    assertThat(metrics.bounded("Later")).isEqualTo("other");
    assertThat(metrics.bounded("StreetComparison")).isEqualTo("StreetComparison");
    assertThat(metrics.bounded("anonymous")).isEqualTo("anonymous");
    assertThat(metrics.bounded("?")).isEqualTo("other");
  }
}
