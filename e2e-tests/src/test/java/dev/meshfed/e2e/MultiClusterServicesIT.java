package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kubernetes Multi-Cluster Services through the pipeline: ServiceExports of reviews in workspace
 * bookinfo (namespace bookinfo of cluster1 and cluster2, whose clusters serve the MCS CRDs). The
 * clusterset host reviews.bookinfo.svc.clusterset.local reaches the exporting clusters' pods from
 * both clusters; a newer export whose port speaks another protocol conflicts and backs nothing, the
 * older one defining the service, until the older export is withdrawn.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiClusterServicesIT {

  private static final String HOST = "reviews.bookinfo.svc.clusterset.local";
  private static final String[] BOOKINFO = {"cluster1/bookinfo", "cluster2/bookinfo"};
  private static final String CLUSTER1_REVIEWS = "cluster1/bookinfo/reviews";
  private static final String CLUSTER2_REVIEWS = "cluster2/bookinfo/reviews";
  private static final String MCS = "multicluster.x-k8s.io/v1alpha1";
  private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(30);

  @RegisterExtension
  static final ScenarioRun run =
      new ScenarioRun("multi-cluster-services", List.of("../../../../k8s/mcs-crds"));

  @Test
  @Order(1)
  void anExportOfOneClusterReachesItsPodsFromTheWholeClusterset() throws Exception {
    run.runAndCompare("01-exported-from-cluster1");

    Traffic.of(run).backedBy(HOST, 9080, List.of(CLUSTER1_REVIEWS), BOOKINFO).check();
    awaitImportedFrom("cluster1", "cluster1");
    awaitImportedFrom("cluster2", "cluster1");
    awaitCondition("cluster1", "Ready", "True", "Ready");
    awaitCondition("cluster1", "Conflict", "False", "NoConflicts");
  }

  @Test
  @Order(2)
  void exportsThatAgreeShareTheHost() throws Exception {
    run.runAndCompare("02-exported-from-both");

    Traffic.of(run)
        .backedBy(HOST, 9080, List.of(CLUSTER1_REVIEWS, CLUSTER2_REVIEWS), BOOKINFO)
        .check();
    awaitImportedFrom("cluster2", "cluster1", "cluster2");
    awaitCondition("cluster2", "Ready", "True", "Ready");
  }

  @Test
  @Order(3)
  void aNewerExportWhosePortConflictsBacksNothingAndTheOlderDefinesTheService() throws Exception {
    run.runAndCompare("03-port-conflict");

    Traffic.of(run).backedBy(HOST, 9080, List.of(CLUSTER1_REVIEWS), BOOKINFO).check();
    Map<String, Object> conflict = awaitCondition("cluster2", "Conflict", "True", "PortConflict");
    assertThat(conflict.get("message").toString()).contains("cluster cluster1's");
    // raised on every export of the service
    awaitCondition("cluster1", "Conflict", "True", "PortConflict");
    awaitCondition("cluster2", "Ready", "False", "PortConflict");
    awaitImportedFrom("cluster1", "cluster1");
  }

  @Test
  @Order(4)
  void onceTheOlderExportIsWithdrawnTheNewerDefinesTheService() throws Exception {
    run.runAndCompare("04-older-export-withdrawn");

    Traffic.of(run).backedBy(HOST, 9080, List.of(CLUSTER2_REVIEWS), BOOKINFO).check();
    awaitCondition("cluster2", "Conflict", "False", "NoConflicts");
    awaitCondition("cluster2", "Ready", "True", "Ready");
    awaitImportedFrom("cluster1", "cluster2");
  }

  /** Waits until the ServiceImport of reviews in a cluster says it is imported from those. */
  private static void awaitImportedFrom(String cluster, String... exporters) {
    await()
        .atMost(STATUS_TIMEOUT)
        .untilAsserted(
            () -> assertThat(importedFrom(cluster)).as(cluster).containsExactly(exporters));
  }

  @SuppressWarnings("unchecked")
  private static List<String> importedFrom(String cluster) {
    GenericKubernetesResource serviceImport = reviews(cluster, "ServiceImport");
    Object status =
        serviceImport == null ? null : serviceImport.getAdditionalProperties().get("status");
    Object clusters = status instanceof Map<?, ?> m ? m.get("clusters") : null;
    return clusters instanceof List<?> list
        ? list.stream().map(c -> ((Map<String, Object>) c).get("cluster").toString()).toList()
        : List.of();
  }

  /**
   * Waits until the ServiceExport of reviews in a cluster has the condition with that status and
   * reason, stamped with a transition time, and returns it.
   */
  private static Map<String, Object> awaitCondition(
      String cluster, String type, String status, String reason) {
    return await()
        .atMost(STATUS_TIMEOUT)
        .until(
            () -> condition(cluster, type),
            c ->
                status.equals(c.get("status"))
                    && reason.equals(c.get("reason"))
                    && c.get("lastTransitionTime") != null);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> condition(String cluster, String type) {
    GenericKubernetesResource export = reviews(cluster, "ServiceExport");
    Object status = export == null ? null : export.getAdditionalProperties().get("status");
    Object conditions = status instanceof Map<?, ?> m ? m.get("conditions") : null;
    if (!(conditions instanceof List<?> list)) {
      return Map.of();
    }
    return list.stream()
        .map(c -> (Map<String, Object>) c)
        .filter(c -> Objects.equals(type, c.get("type")))
        .findFirst()
        .orElse(Map.of());
  }

  private static GenericKubernetesResource reviews(String cluster, String kind) {
    return run.pipeline()
        .clusters()
        .get(cluster)
        .client()
        .genericKubernetesResources(MCS, kind)
        .inNamespace("bookinfo")
        .withName("reviews")
        .get();
  }
}
