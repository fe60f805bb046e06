package dev.meshfed.lab.demo;

import dev.meshfed.oracle.mesh.ManagedObjects;
import dev.meshfed.testbed.SimulatedCluster;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits until nothing is pending, the topics have not moved since the last poll, and {@link
 * #SETTLE} has passed since anything discovery may read was written to a cluster or the services
 * were disturbed. The settle period runs from those, not from convergence: a cold start that
 * converges long after its inputs were written does not wait it out again.
 */
final class ConvergenceWait {

  /**
   * How long after the last write to a cluster that discovery may read, or the last start or stop
   * of a service or the broker, the wait may end: discovery publishes within milliseconds of a
   * change, and the period covers that gap with room to spare.
   */
  static final Duration SETTLE = Duration.ofMillis(1500);

  /**
   * Groups whose writes need no settling: only meshfed writes their objects and discovery reads
   * none, so a write there cannot be on its way to a topic. (Their objects are compared with the
   * desired ones directly, so a drift there shows at once.) Nor do writes of a status: discovery
   * publishes no status. Every other write counts, ServiceImports among them.
   */
  private static final List<String> UNREAD_GROUPS = ManagedObjects.istioGroups();

  private static final Duration POLL = Duration.ofMillis(250);

  private final ConvergenceProbe probe;
  private final Collection<SimulatedCluster> clusters;
  private final ServiceRoster services;

  ConvergenceWait(
      ConvergenceProbe probe, Collection<SimulatedCluster> clusters, ServiceRoster services) {
    this.probe = probe;
    this.clusters = clusters;
    this.services = services;
  }

  void await(Duration timeout, Consumer<List<String>> progress) throws ConvergenceTimeoutException {
    AtomicReference<List<String>> pending = new AtomicReference<>(List.of());
    AtomicReference<Map<TopicPartition, Long>> lastEnds = new AtomicReference<>(Map.of());
    try {
      Awaitility.await()
          .atMost(timeout)
          .pollInterval(POLL)
          .until(
              () -> {
                services.checkAlive();
                Map<TopicPartition, Long> ends = probe.endOffsets();
                pending.set(probe.pending());
                progress.accept(pending.get());
                return pending.get().isEmpty()
                    && ends.equals(lastEnds.getAndSet(ends))
                    && settled();
              });
    } catch (ConditionTimeoutException e) {
      throw new ConvergenceTimeoutException(timeout, pending.get());
    }
  }

  private boolean settled() {
    long lastChange = services.disturbedAt();
    for (SimulatedCluster cluster : clusters) {
      lastChange =
          Math.max(
              lastChange,
              cluster.lastChangeBesidesStatusNanosOutside(UNREAD_GROUPS).orElse(lastChange));
    }
    return System.nanoTime() - lastChange >= SETTLE.toNanos();
  }
}
