package dev.meshfed.lab.bench;

import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Propagation: from a change written to a source cluster's Service (or, grouped, to a
 * VirtualDestination) to the matching ServiceEntry being applied (or removed) in every workload
 * cluster. Watches on each cluster stamp the moment each entry changes, so the figure does not
 * depend on how often the probe looks. A {@link StageProbe} splits each change's time into its
 * stages.
 */
public final class PropagationProbe implements AutoCloseable {

  static final String HOST_ANNOTATION = "meshfed.dev/host";
  private static final int GONE = -1;
  private static final int HTTP_CONFLICT = 409;
  private static final int EDIT_ATTEMPTS = 5;

  /** How long the stage probe may lag the watches before a change is left unattributed. */
  private static final Duration STAGE_WAIT = Duration.ofSeconds(10);

  /** What a cluster's entry for a host looked like last, and when (System.nanoTime). */
  private record Seen(int port, long nanos) {}

  private final BenchSize size;
  private final Map<String, SimulatedCluster> clusters;
  private final Duration timeout;
  private final Map<String, Map<String, Seen>> seen = new ConcurrentHashMap<>();
  private final List<Watch> watches = new ArrayList<>();
  private final Map<String, String> closedWatches = new ConcurrentHashMap<>();
  private final Object arrivals = new Object();
  private final StageProbe stageProbe;

  public PropagationProbe(
      BenchSize size,
      Map<String, SimulatedCluster> clusters,
      String bootstrapServers,
      Duration timeout) {
    this.size = size;
    this.stageProbe = new StageProbe(bootstrapServers, size);
    this.clusters = clusters;
    this.timeout = timeout;
    for (String cluster : size.workloadClusters()) {
      seen.put(cluster, new ConcurrentHashMap<>());
      watches.add(watchEntries(cluster));
    }
  }

  /** Makes the changes one at a time, each once the one before is applied everywhere. */
  public Propagation measure(List<BenchChange> changes, IntConsumer madeSoFar)
      throws InterruptedException {
    Latencies total = new Latencies();
    Map<String, Latencies> stages = new LinkedHashMap<>();
    Propagation.STAGES.forEach(stage -> stages.put(stage, new Latencies()));
    Map<String, Latencies> byKind = new TreeMap<>();
    int unattributed = 0;
    List<Propagation.TimedChange> timed = new ArrayList<>();
    for (BenchChange change : changes) {
      StageProbe.Timing timing = measureOne(change);
      long micros = TimeUnit.NANOSECONDS.toMicros(timing.appliedNanos() - timing.startNanos());
      total.record(micros);
      byKind.computeIfAbsent(change.kind().name(), k -> new Latencies()).record(micros);
      long deadline = System.nanoTime() + STAGE_WAIT.toNanos();
      Optional<List<Long>> split = stageProbe.stagesMicros(change, timing, deadline);
      if (split.isPresent()) {
        for (int i = 0; i < Propagation.STAGES.size(); i++) {
          stages.get(Propagation.STAGES.get(i)).record(split.get().get(i));
        }
      } else {
        unattributed++;
      }
      timed.add(
          new Propagation.TimedChange(
              change.kind().name(), change.host(size), micros, split.orElse(List.of())));
      madeSoFar.accept(total.sortedMicros().size());
    }
    return new Propagation(total, stages, unattributed, byKind, timed);
  }

  /** When (System.nanoTime) the change was written, and applied everywhere. */
  private StageProbe.Timing measureOne(BenchChange change) throws InterruptedException {
    String host = change.host(size);
    int expected = change.kind() == BenchChange.Kind.DELETE ? GONE : change.port();
    long start = System.nanoTime();
    write(change);
    long written = System.nanoTime();
    long deadline = start + timeout.toNanos();
    synchronized (arrivals) {
      while (true) {
        Optional<Long> last = lastArrival(host, expected, start);
        if (last.isPresent()) {
          return new StageProbe.Timing(start, written, last.get());
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw new IllegalStateException(
              change
                  + " did not reach every cluster within "
                  + timeout
                  + ": "
                  + pending(host)
                  + (closedWatches.isEmpty() ? "" : "; watches closed: " + closedWatches));
        }
        arrivals.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
      }
    }
  }

  private Optional<Long> lastArrival(String host, int expected, long notBefore) {
    long last = notBefore;
    for (Map<String, Seen> cluster : seen.values()) {
      Seen entry = cluster.get(host);
      if (entry == null || entry.port() != expected || entry.nanos() < notBefore) {
        return Optional.empty();
      }
      last = Math.max(last, entry.nanos());
    }
    return Optional.of(last);
  }

  private Map<String, Seen> pending(String host) {
    Map<String, Seen> state = new TreeMap<>();
    seen.forEach((cluster, hosts) -> state.put(cluster, hosts.get(host)));
    return state;
  }

  private void write(BenchChange change) {
    KubernetesClient client = clusters.get(change.cluster()).client();
    if (change.kind() == BenchChange.Kind.DESTINATION_PORT_CHANGE) {
      writeVirtualDestination(client, change);
    } else {
      writeService(client, change);
    }
  }

  /**
   * An edit sends the resourceVersion it read: distribution writing the VirtualDestination's status
   * in between makes the API server refuse it (409), and a user's client would read it again.
   */
  private void writeVirtualDestination(KubernetesClient client, BenchChange change) {
    for (int attempt = 1; ; attempt++) {
      try {
        client
            .genericKubernetesResources(GroupedMesh.VIRTUAL_DESTINATIONS)
            .inNamespace(change.namespace(size))
            .withName(change.serviceName())
            .edit(vd -> GroupedMesh.withPort(vd, size, change.service(), change.port()));
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HTTP_CONFLICT || attempt == EDIT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private void writeService(KubernetesClient client, BenchChange change) {
    Service service =
        client
            .getKubernetesSerialization()
            .convertValue(BenchMesh.service(size, change.service(), change.port()), Service.class);
    var resource =
        client
            .services()
            .inNamespace(service.getMetadata().getNamespace())
            .withName(service.getMetadata().getName());
    switch (change.kind()) {
      case CREATE -> client.resource(service).create();
      case PORT_CHANGE ->
          resource.edit(
              s -> {
                s.getSpec().getPorts().get(0).setPort(change.port());
                s.getSpec().getPorts().get(0).setTargetPort(new IntOrString(change.port()));
                return s;
              });
      case DELETE -> resource.delete();
    }
  }

  private Watch watchEntries(String cluster) {
    Map<String, Seen> hosts = seen.get(cluster);
    return clusters
        .get(cluster)
        .client()
        .genericKubernetesResources(BenchMesh.SERVICE_ENTRIES)
        // remote entries are in istio-system, the owner's local entry in its Service's namespace
        .inAnyNamespace()
        .watch(
            new Watcher<>() {
              @Override
              public void eventReceived(Action action, GenericKubernetesResource entry) {
                long now = System.nanoTime();
                String host = entry.getMetadata().getAnnotations().get(HOST_ANNOTATION);
                if (host != null) {
                  synchronized (arrivals) {
                    hosts.put(host, new Seen(action == Action.DELETED ? GONE : port(entry), now));
                    arrivals.notifyAll();
                  }
                }
              }

              @Override
              public void onClose(WatcherException cause) {
                closedWatches.put(cluster, cause.getMessage());
              }
            });
  }

  private static int port(GenericKubernetesResource entry) {
    Object number = entry.get("spec", "ports", 0, "number");
    return number instanceof Number n ? n.intValue() : GONE;
  }

  @Override
  public void close() throws InterruptedException {
    watches.forEach(Watch::close);
    stageProbe.close();
  }
}
