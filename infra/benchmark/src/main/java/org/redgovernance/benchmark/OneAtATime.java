package org.redgovernance.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How long one request takes when it is the only one: {@value #REQUESTS} requests sent one after
 * another to a warm server, the median of their round trips (the load runs' figures include the
 * time a request queues for one of the two cores behind the others).
 */
final class OneAtATime {

  static final int REQUESTS = 30;

  private OneAtATime() {}

  /** The median round trip of {@value #REQUESTS} sequential requests, in milliseconds. */
  static double medianMs(String url, String token, @Nullable String community, String body)
      throws Exception {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      long started = System.nanoTime();
      GraphQlClient.send(url, token, community, body);
      times.add((System.nanoTime() - started) / 1e6);
    }
    Collections.sort(times);
    return times.get(REQUESTS / 2);
  }
}
