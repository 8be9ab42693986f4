package org.redgovernance.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SteadyStateTests {

  @Test
  void aServerStillSpeedingUp_isWarmedUntilThreeWindowsAgree() throws Exception {
    Iterator<Double> rates =
        List.of(360.0, 520.0, 1050.0, 1260.0, 1380.0, 1400.0, 1390.0).iterator();

    int windows = SteadyState.warmUp(() -> result(rates.next()), () -> 0);

    assertThat(windows).isEqualTo(7);
  }

  @Test
  void aSteadyServer_isWarmedForThreeWindowsOnly() throws Exception {
    Iterator<Double> rates = List.of(1000.0, 990.0, 1010.0, 2000.0).iterator();

    assertThat(SteadyState.warmUp(() -> result(rates.next()), () -> 0)).isEqualTo(3);
  }

  @Test
  void aServerThatNeverSettles_isWarmedForAtMostTheLimit() throws Exception {
    int[] calls = {0};

    int windows = SteadyState.warmUp(() -> result(++calls[0] % 2 == 0 ? 500 : 1000), () -> 0);

    assertThat(windows).isEqualTo(calls[0]).isEqualTo(36);
  }

  @Test
  void aJvmWhoseCompilersAreStillBusy_isWarmedUntilTheyRest_thoughItsRateHoldsStill()
      throws Exception {
    double[] compiled = {0};
    int[] calls = {0};
    // 400 ms of compiling in each of the first six windows, then 50
    SteadyState.Compilers compilers = () -> compiled[0];

    int windows =
        SteadyState.warmUp(
            () -> {
              compiled[0] += ++calls[0] <= 6 ? 400 : 50;
              return result(500);
            },
            compilers);

    assertThat(windows).isEqualTo(7);
  }

  private static LoadRun.Result result(double throughput) {
    return new LoadRun.Result((long) (throughput * 5), 5, 0, 1, 2, 2, 0.1, 0.5, 400);
  }
}
