package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.ApplyLatency;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@code meshfed_distribution_apply_latency_seconds{cluster}}: from a desired record's write to its
 * object applied or deleted, as a Prometheus histogram.
 */
final class ApplyLatencyTimer implements ApplyLatency {

  private final Timer timer;

  ApplyLatencyTimer(String cluster) {
    this.timer =
        Timer.builder("meshfed.distribution.apply.latency")
            .description("from a desired record written to its object applied or deleted")
            .tag("cluster", cluster)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(5))
            .register(Metrics.globalRegistry);
  }

  @Override
  public void done(Duration sinceWritten) {
    timer.record(sinceWritten);
  }
}
