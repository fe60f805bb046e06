package dev.meshfed.discovery.sync;

import java.time.Duration;

/** Exponential delays from initial, doubling per attempt, never more than max. */
public record Backoff(Duration initial, Duration max) {

  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "Backoff needs 0 < initial <= max: " + initial + ", " + max);
    }
  }

  /** The delay before retry number attempt (1 for the first retry). */
  public Duration delay(int attempt) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 30);
    Duration delay = initial.multipliedBy(1L << doublings);
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
