package dev.pipelines.cdc.operator.reconciler;

import java.time.Duration;
import java.time.Instant;

/**
 * Retry delay for a failure that has lasted since {@code since}: as long as it has lasted so far,
 * between 5 s and 5 min. That doubles the interval from one retry to the next without keeping a
 * counter anywhere: the condition's lastTransitionTime is the state, and it survives restarts.
 */
final class Backoff {
  static final Duration MIN = Duration.ofSeconds(5);
  static final Duration MAX = Duration.ofMinutes(5);

  private Backoff() {}

  static Duration delay(Instant since, Instant now) {
    Duration elapsed = since == null || since.isAfter(now) ? Duration.ZERO : Duration.between(since, now);
    if (elapsed.compareTo(MIN) < 0) {
      return MIN;
    }
    return elapsed.compareTo(MAX) > 0 ? MAX : elapsed;
  }
}
