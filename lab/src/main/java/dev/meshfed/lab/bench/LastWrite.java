package dev.meshfed.lab.bench;

import dev.meshfed.oracle.mesh.ManagedObjects;
import dev.meshfed.testbed.SimulatedCluster;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * When the last write to any workload cluster's Istio objects happened: cold convergence ends
 * there, not when the convergence check (which lists every cluster, taking seconds at 10×500)
 * notices that nothing moves any more. The simulated API servers live in this JVM and say it
 * themselves: a watch of every cluster's Istio kinds cost the test bed the serialising and parsing
 * of every write, some 5% of its CPU during a cold start at 20×250.
 */
final class LastWrite {

  private static final List<String> ISTIO_GROUPS = ManagedObjects.istioGroups();

  private LastWrite() {}

  /** {@link System#nanoTime()} of the last write after {@code sinceNanos}; empty if none. */
  static OptionalLong after(long sinceNanos, Collection<SimulatedCluster> clusters) {
    return clusters.stream()
        .map(cluster -> cluster.lastChangeNanos(ISTIO_GROUPS))
        .filter(OptionalLong::isPresent)
        .mapToLong(OptionalLong::getAsLong)
        .filter(time -> time - sinceNanos > 0)
        .max();
  }
}
