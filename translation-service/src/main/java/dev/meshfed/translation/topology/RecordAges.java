package dev.meshfed.translation.topology;

import java.time.Duration;

/**
 * How long after it was written a record was read, beyond the least any record took lately. A
 * record's timestamp is its producer's clock and the time it is read this instance's: with those
 * clocks a few seconds apart, every record would look late, and translation would count itself
 * behind for good. The least age seen over the last {@link #WINDOW} or two is taken as what the
 * skew and the pipeline's own latency amount to, and only the age beyond it counts.
 *
 * <p>So a backlog is told only once a record has come in with little delay since this instance
 * started: one that starts behind a backlog (a restart after a long stop) counts its first record's
 * age as the baseline, and is not told behind until that one ages out of the window.
 */
final class RecordAges {

  /** How long the least age seen is kept: longer than a cold start's backlog lasts. */
  static final Duration WINDOW = Duration.ofMinutes(10);

  private boolean started;
  private long windowStart;
  private long currentLeast = Long.MAX_VALUE;
  private long previousLeast = Long.MAX_VALUE;

  /** The age of a record written at {@code timestamp} and read at {@code now}, beyond the least. */
  long lateness(long now, long timestamp) {
    if (!started || now - windowStart >= 2 * WINDOW.toMillis()) {
      started = true;
      windowStart = now;
      currentLeast = Long.MAX_VALUE;
      previousLeast = Long.MAX_VALUE;
    } else if (now - windowStart >= WINDOW.toMillis()) {
      windowStart = now;
      previousLeast = currentLeast;
      currentLeast = Long.MAX_VALUE;
    }
    long age = now - timestamp;
    currentLeast = Math.min(currentLeast, age);
    return age - Math.min(currentLeast, previousLeast);
  }
}
