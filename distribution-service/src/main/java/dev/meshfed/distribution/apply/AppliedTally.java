package dev.meshfed.distribution.apply;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts successful applies for the log's summary lines: one when the reconciler falls idle, at
 * least every {@link #EVERY} while it stays busy, and never more than one every {@link #EVERY}.
 * Each apply is logged on its own at DEBUG only: at twenty clusters of 12,000 objects a line per
 * apply was a quarter of a million lines per cold start and 6 % of the distributor's CPU. Objects
 * that arrive a few at a time make the reconciler fall idle after almost every one: without the
 * limit a cold start of 20x100 logged 21,336 lines of one or two objects each.
 */
final class AppliedTally {

  static final Duration EVERY = Duration.ofSeconds(10);

  private int count;
  private long firstAtNanos;
  private long lastLineAtNanos;
  private boolean anyLine;

  void applied(long nowNanos) {
    if (count++ == 0) {
      firstAtNanos = nowNanos;
    }
  }

  /** The summary line to log now, if one is due; counting starts again after it. */
  Optional<String> summary(boolean idle, long nowNanos) {
    if (count == 0 || nowNanos < dueAt(idle)) {
      return Optional.empty();
    }
    String line =
        "Applied %d object%s in %.1f s%s"
            .formatted(
                count,
                count == 1 ? "" : "s",
                (nowNanos - firstAtNanos) / 1e9,
                idle ? "" : ", more to apply");
    count = 0;
    lastLineAtNanos = nowNanos;
    anyLine = true;
    return Optional.of(line);
  }

  /**
   * How long after {@code nowNanos} an idle reconciler's line is due, for the applies counted and
   * held back by the limit; empty if nothing is counted.
   */
  Optional<Duration> idleLineDueIn(long nowNanos) {
    return count == 0
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(Math.max(0, dueAt(true) - nowNanos)));
  }

  private long dueAt(boolean idle) {
    long limit = anyLine ? lastLineAtNanos + EVERY.toNanos() : Long.MIN_VALUE;
    return idle ? limit : Math.max(limit, firstAtNanos + EVERY.toNanos());
  }
}
