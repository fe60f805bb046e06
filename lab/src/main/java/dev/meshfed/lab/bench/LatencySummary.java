package dev.meshfed.lab.bench;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution in milliseconds, as the bench reports it.
 *
 * @param count samples recorded
 */
public record LatencySummary(long count, double p50, double p90, double p99, double max) {

  /** Microseconds from 1 µs to 10 min, 3 significant digits. */
  public static Histogram newHistogram() {
    return new Histogram(1, Duration.ofMinutes(10).toNanos() / 1_000, 3);
  }

  /** From a histogram recorded in microseconds. */
  public static LatencySummary ofMicros(Histogram micros) {
    return new LatencySummary(
        micros.getTotalCount(),
        millis(micros.getValueAtPercentile(50)),
        millis(micros.getValueAtPercentile(90)),
        millis(micros.getValueAtPercentile(99)),
        millis(micros.getMaxValue()));
  }

  private static double millis(long micros) {
    return micros / 1_000.0;
  }
}
