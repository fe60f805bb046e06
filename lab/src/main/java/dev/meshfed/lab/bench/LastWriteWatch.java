package dev.meshfed.lab.bench;

import dev.meshfed.oracle.mesh.ManagedObjects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the last write to any workload cluster's Istio objects happened: cold convergence ends
 * there, not when the convergence check (which lists every cluster, taking seconds at 10×500)
 * notices that nothing moves any more.
 */
final class LastWriteWatch implements AutoCloseable {

  private final AtomicLong lastNanos = new AtomicLong();
  private final List<Watch> watches = new ArrayList<>();
  private final Map<String, String> closed = new ConcurrentHashMap<>();

  LastWriteWatch(Map<String, KubernetesClient> clusters) {
    clusters.forEach(
        (name, client) -> {
          for (ResourceDefinitionContext kind : ManagedObjects.istioKinds()) {
            watches.add(
                client.genericKubernetesResources(kind).inAnyNamespace().watch(stamp(name)));
          }
        });
  }

  /** System.nanoTime of the last write seen; empty if none was. */
  OptionalLong lastWriteNanos() {
    if (!closed.isEmpty()) {
      throw new IllegalStateException("a watch closed, writes may have been missed: " + closed);
    }
    long last = lastNanos.get();
    return last == 0 ? OptionalLong.empty() : OptionalLong.of(last);
  }

  private Watcher<GenericKubernetesResource> stamp(String cluster) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, GenericKubernetesResource resource) {
        lastNanos.accumulateAndGet(System.nanoTime(), Math::max);
      }

      @Override
      public void onClose(WatcherException cause) {
        closed.put(cluster, cause.getMessage());
      }
    };
  }

  @Override
  public void close() {
    watches.forEach(Watch::close);
  }
}
