package dev.meshfed.lab.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one bench run measured.
 *
 * @param coldConvergence from the services' start, with every input already in place, to the last
 *     write to a workload cluster before every cluster held its desired objects
 * @param startUp the part of cold convergence until every service had started (JVM and Quarkus
 *     start-up, on a machine the services share)
 * @param coldCpu CPU time each process used during cold convergence, the test bed's included
 * @param coldRuntimeCpu the part of it each process's JIT compilers and garbage collector used;
 *     empty where the platform does not tell threads apart
 * @param applyFloor the same number of applies to the same API servers, by one client, of small
 *     ServiceEntries
 * @param ownObjectsApplyFloor applies of copies of the objects the clusters hold, by the same
 *     client to the same API servers ({@link OwnObjectsFloor}); empty unless asked for
 * @param objectsPerCluster meshfed-managed objects each workload cluster holds once converged
 * @param floor the floor's samples
 * @param propagation each timed change's time, whole and by stage
 * @param footprint heap, topic bytes and translation CPU per change
 */
public record BenchReport(
    BenchSize size,
    int changes,
    Warmth warmth,
    Latencies floor,
    Propagation propagation,
    Duration coldConvergence,
    Duration startUp,
    Map<String, Duration> coldCpu,
    Map<String, RuntimeCpu> coldRuntimeCpu,
    Duration applyFloor,
    Optional<Duration> ownObjectsApplyFloor,
    int expectedObjectsPerCluster,
    Map<String, Integer> objectsPerCluster,
    Footprint footprint,
    TranslationScale translation) {

  /** Propagation p50 over floor p50: the target is at most 2. */
  public double propagationOverFloor() {
    return propagation.total().summary().p50() / floor.summary().p50();
  }

  /** Cold convergence over the apply floor. */
  public double coldOverApplyFloor() {
    return (double) coldConvergence.toNanos() / applyFloor.toNanos();
  }

  /**
   * Cold convergence over the apply floor plus the services' start-up: the target is at most 1.5.
   */
  public double coldOverApplyFloorAndStartUp() {
    return (double) coldConvergence.toNanos() / applyFloor.plus(startUp).toNanos();
  }

  /**
   * Cold convergence over the apply floor of meshfed's own objects plus the services' start-up: the
   * same ratio, against applying the very objects the pipeline applied.
   */
  public Optional<Double> coldOverOwnObjectsFloorAndStartUp() {
    return ownObjectsApplyFloor.map(
        floor -> (double) coldConvergence.toNanos() / floor.plus(startUp).toNanos());
  }

  /**
   * CPU the distribution-service processes used during cold convergence per object the workload
   * clusters hold once converged, in milliseconds: intermediate applies of a mesh still being
   * discovered, the watch of what was applied and start-up are in it, as they are in production.
   */
  public double distributionCpuPerObjectMillis() {
    long objects = objectsPerCluster.values().stream().mapToLong(Integer::longValue).sum();
    double cpuMillis =
        coldCpu.entrySet().stream()
            .filter(process -> process.getKey().startsWith("distribution-service"))
            .mapToDouble(process -> process.getValue().toNanos() / 1e6)
            .sum();
    return objects == 0 ? 0 : cpuMillis / objects;
  }

  /** Every latency series, fastest sample first: the floor, propagation and its stages. */
  public Map<String, List<Long>> samplesMicros() {
    Map<String, List<Long>> samples = new LinkedHashMap<>();
    samples.put("floor", floor.sortedMicros());
    samples.put("propagation", propagation.total().sortedMicros());
    propagation
        .inOrder()
        .forEach(stage -> samples.put(stage.getKey(), stage.getValue().sortedMicros()));
    return samples;
  }

  public boolean everyClusterHoldsWhatItShould() {
    return objectsPerCluster.values().stream().allMatch(n -> n == expectedObjectsPerCluster);
  }
}
