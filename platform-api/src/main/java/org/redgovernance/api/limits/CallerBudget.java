package org.redgovernance.api.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How much of something each caller may use in a fixed window of time (query cost per minute,
 * personal-data lookups per minute …). A window starts with a caller's first use and holds {@code
 * limit}; an amount that does not fit is refused whole and takes nothing. Kept in memory per
 * instance, for at most {@code 100,000} callers (an evicted caller starts afresh).
 */
public final class CallerBudget {

  /**
   * What {@link #take} decided: whether the amount was taken, whether this is the window's first
   * refusal (worth one alert, not one per request), and when the window ends.
   */
  public record Outcome(boolean taken, boolean firstRefusal, long retryAfterSeconds) {}

  private static final class Window {
    private final Instant start;
    private long used;
    private boolean refused;

    private Window(Instant start) {
      this.start = start;
    }
  }

  private final long limit;
  private final Duration window;
  private final Clock clock;
  private final Cache<String, Window> windows;

  public CallerBudget(long limit, Duration window) {
    this(limit, window, Clock.systemUTC());
  }

  CallerBudget(long limit, Duration window, Clock clock) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
    this.windows =
        Caffeine.newBuilder()
            .expireAfterAccess(window.multipliedBy(2))
            .maximumSize(100_000)
            .build();
  }

  public long limit() {
    return limit;
  }

  public Outcome take(String callerId, long amount) {
    Instant now = clock.instant();
    Window current =
        windows
            .asMap()
            .compute(
                callerId,
                (key, old) ->
                    old == null || !now.isBefore(old.start.plus(window)) ? new Window(now) : old);
    synchronized (current) {
      if (current.used + amount <= limit) {
        current.used += amount;
        return new Outcome(true, false, 0);
      }
      boolean first = !current.refused;
      current.refused = true;
      long retryAfter = Math.max(1, Duration.between(now, current.start.plus(window)).toSeconds());
      return new Outcome(false, first, retryAfter);
    }
  }
}
