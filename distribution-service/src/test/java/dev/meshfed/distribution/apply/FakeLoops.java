package dev.meshfed.distribution.apply;

import dev.meshfed.distribution.model.KindTable;
import dev.meshfed.distribution.model.PruneGuard;
import java.time.Duration;

/**
 * Distribution loops over the fakes, as the service builds them but retrying within milliseconds.
 */
final class FakeLoops {

  static final RetrySettings FAST_RETRY =
      new RetrySettings(Duration.ofMillis(5), Duration.ofMillis(50));

  private FakeLoops() {}

  /**
   * A loop reading desired state from the source, applying to the cluster, reporting to reports.
   */
  static DistributionLoop over(
      FakeSource topic,
      FakeCluster cluster,
      FakeReports reports,
      KindTable kinds,
      ApplyLatency latency) {
    return new DistributionLoop(
        topic,
        topic,
        cluster,
        cluster,
        cluster,
        reports,
        kinds,
        FAST_RETRY,
        PruneGuard.DEFAULT,
        latency);
  }
}
