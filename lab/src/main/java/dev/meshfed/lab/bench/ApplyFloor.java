package dev.meshfed.lab.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The apply floor: how long the same client takes to server-side apply as many ServiceEntries as
 * the pipeline had to, to the same API servers. Like the distribution-services, each cluster is
 * written in sequence and the clusters in parallel; the floor is the slowest cluster.
 */
public final class ApplyFloor {

  static final String NAMESPACE = "meshfed-bench-floor";

  private ApplyFloor() {}

  public static Duration measure(List<KubernetesClient> clusters, int objectsPerCluster)
      throws InterruptedException {
    ExecutorService threads = Executors.newFixedThreadPool(clusters.size());
    try {
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (KubernetesClient cluster : clusters) {
        done.add(threads.submit(() -> applyAll(cluster, objectsPerCluster)));
      }
      for (Future<?> cluster : done) {
        cluster.get();
      }
      return Duration.ofNanos(System.nanoTime() - start);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the apply floor could not apply", e.getCause());
    } finally {
      threads.shutdownNow();
    }
  }

  private static void applyAll(KubernetesClient cluster, int count) {
    for (int i = 0; i < count; i++) {
      cluster
          .genericKubernetesResources(BenchMesh.SERVICE_ENTRIES)
          .inNamespace(NAMESPACE)
          .resource(entry(i))
          .fieldManager("meshfed")
          .forceConflicts()
          .serverSideApply();
    }
  }

  private static GenericKubernetesResource entry(int i) {
    GenericKubernetesResource entry =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("networking.istio.io/v1")
            .withKind("ServiceEntry")
            .withNewMetadata()
            .withName("floor-" + i)
            .withNamespace(NAMESPACE)
            .endMetadata()
            .build();
    entry.setAdditionalProperty(
        "spec",
        Map.of(
            "hosts",
            List.of("floor-" + i + ".bench.global"),
            "location",
            "MESH_INTERNAL",
            "resolution",
            "STATIC",
            "ports",
            List.of(Map.of("number", BenchMesh.SERVICE_PORT, "name", "http", "protocol", "TCP"))));
    return entry;
  }
}
