package dev.meshfed.lab.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The apply floor: how long the same client takes to server-side apply as many ServiceEntries as
 * the pipeline had to, to the same API servers. Like the distribution-services, each cluster is
 * written in sequence and the clusters in parallel; the floor is the slowest cluster.
 */
public final class ApplyFloor {

  static final String NAMESPACE = "meshfed-bench-floor";
  static final String WARM_UP_NAMESPACE = "meshfed-bench-warm-up";

  /**
   * Applies per cluster in the warm-up: 20 clusters make 10,000 applies, past the JIT's thresholds
   * for the API servers' apply path.
   */
  static final int WARM_UP_OBJECTS_PER_CLUSTER = 500;

  private ApplyFloor() {}

  public static Duration measure(List<KubernetesClient> clusters, int objectsPerCluster)
      throws InterruptedException {
    return inParallel(clusters, cluster -> applyAll(cluster, NAMESPACE, objectsPerCluster));
  }

  /**
   * Applies objects and deletes them again, untimed. The floor is measured after the cold start, on
   * API servers whose apply path the cold start has compiled: without a warm-up, the cold start
   * alone would pay the API servers' JIT compilation, which a real API server has long done.
   */
  public static Duration warmUp(List<KubernetesClient> clusters, int objectsPerCluster)
      throws InterruptedException {
    int count = Math.min(objectsPerCluster, WARM_UP_OBJECTS_PER_CLUSTER);
    return inParallel(
        clusters,
        cluster -> {
          applyAll(cluster, WARM_UP_NAMESPACE, count);
          for (int i = 0; i < count; i++) {
            serviceEntries(cluster, WARM_UP_NAMESPACE).withName(name(i)).delete();
          }
        });
  }

  static Duration inParallel(List<KubernetesClient> clusters, Consumer<KubernetesClient> work)
      throws InterruptedException {
    ExecutorService threads = Executors.newFixedThreadPool(clusters.size());
    try {
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (KubernetesClient cluster : clusters) {
        done.add(threads.submit(() -> work.accept(cluster)));
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

  private static void applyAll(KubernetesClient cluster, String namespace, int count) {
    for (int i = 0; i < count; i++) {
      serviceEntries(cluster, namespace)
          .resource(entry(namespace, i))
          .fieldManager("meshfed")
          .forceConflicts()
          .serverSideApply();
    }
  }

  private static NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      serviceEntries(KubernetesClient cluster, String namespace) {
    return cluster.genericKubernetesResources(BenchMesh.SERVICE_ENTRIES).inNamespace(namespace);
  }

  private static String name(int i) {
    return "floor-" + i;
  }

  private static GenericKubernetesResource entry(String namespace, int i) {
    GenericKubernetesResource entry =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("networking.istio.io/v1")
            .withKind("ServiceEntry")
            .withNewMetadata()
            .withName(name(i))
            .withNamespace(namespace)
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
