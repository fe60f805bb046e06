package dev.meshfed.distribution.apply;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts successful applies for the log's summary line: one when the reconciler falls idle, and at
 * least every {@link #EVERY} while it stays busy. Each apply is logged on its own at DEBUG only: at
 * twenty clusters of 12,000 objects a line per apply was a quarter of a million lines per cold
 * start and 6 % of the distributor's CPU. Deletes, prunes and repairs keep a line each.
 */
final class AppliedTally {

  static final Duration EVERY = Duration.ofSeconds(10);

  private int count;
  private long firstAtNanos;

  void applied(long nowNanos) {
    if (count++ == 0) {
      firstAtNanos = nowNanos;
    }
  }

  /** The summary line to log now, if one is due; counting starts again after it. */
  Optional<String> summary(boolean idle, long nowNanos) {
    long elapsed = nowNanos - firstAtNanos;
    if (count == 0 || (!idle && elapsed < EVERY.toNanos())) {
      return Optional.empty();
    }
    String line =
        "Applied %d object%s in %.1f s%s"
            .formatted(count, count == 1 ? "" : "s", elapsed / 1e9, idle ? "" : ", more to apply");
    count = 0;
    return Optional.of(line);
  }
}
