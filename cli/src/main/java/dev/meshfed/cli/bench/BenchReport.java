package dev.meshfed.cli.bench;

import java.time.Duration;
import java.util.Map;

/**
 * What one bench run measured.
 *
 * @param coldConvergence from the services' start, with every input already in place, to every
 *     cluster holding its desired objects (the quiet period the convergence check waits is not
 *     counted)
 * @param applyFloor the same number of applies to the same API servers, by one client
 * @param objectsPerCluster meshfed-managed objects each workload cluster holds once converged
 * @param footprint heap, topic bytes and translation CPU per change
 */
public record BenchReport(
    BenchSize size,
    int changes,
    LatencySummary floor,
    LatencySummary propagation,
    Duration coldConvergence,
    Duration applyFloor,
    int expectedObjectsPerCluster,
    Map<String, Integer> objectsPerCluster,
    Footprint footprint) {

  /** Propagation p50 over floor p50: the target is at most 2. */
  public double propagationOverFloor() {
    return propagation.p50() / floor.p50();
  }

  /** Cold convergence over the apply floor: the target is at most 1.5. */
  public double coldOverApplyFloor() {
    return (double) coldConvergence.toNanos() / applyFloor.toNanos();
  }

  public boolean everyClusterHoldsWhatItShould() {
    return objectsPerCluster.values().stream().allMatch(n -> n == expectedObjectsPerCluster);
  }
}
