package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OSSM seed's two-mesh federation through the pipeline: mesh1 (cluster1) exports
 * mesh1-bookinfo's ratings to its peer mesh2 as ratings-aliased, and mesh2 (cluster2) imports it as
 * mesh2-bookinfo/ratings, both written in OpenShift Service Mesh 2's own resources, on NodePort
 * gateways. mesh2's pods reach mesh1's ratings pods under the imported host; mesh1's own clients
 * are untouched; once mesh2 imports nothing, the host reaches nothing; imported as local, mesh1's
 * ratings pods join those of mesh2's own ratings Service; with both meshes running ratings in
 * bookinfo-ha and importing each other's as local (OSSM's high-availability pattern), on istiods
 * older than 1.20, the one Service reaches both meshes' pods and neither gateway bounces requests
 * to the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OssmPeersIT {

  private static final String IMPORTED = "ratings.mesh2-bookinfo.svc.mesh1-imports.local";
  private static final String RATINGS = "cluster1/mesh1-bookinfo/ratings";
  private static final String OSSM = "federation.maistra.io/v1";
  private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(30);

  @RegisterExtension
  static final ScenarioRun run = new ScenarioRun("ossm-peers", List.of("crds/ossm"));

  @Test
  @Order(1)
  void anImportedServiceReachesTheExportingMeshsPods() throws Exception {
    run.runAndCompare("01-peered");

    Traffic.of(run)
        .reachesFrom("cluster2/mesh2-bookinfo", IMPORTED, 9080, RATINGS)
        .reachesFrom(
            "cluster1/mesh1-bookinfo", "ratings.mesh1-bookinfo.svc.cluster.local", 9080, RATINGS)
        .check();
    Map<String, Object> imported =
        awaitStatus("cluster2", "ImportedServiceSet", "mesh1", "importedServices", 1).get(0);
    assertThat(imported)
        .containsEntry("exportedName", "ratings-aliased.mesh1-bookinfo.svc.mesh2-exports.local");
    assertThat(imported.get("localService"))
        .isEqualTo(Map.of("name", "ratings", "namespace", "mesh2-bookinfo", "hostname", IMPORTED));
    Map<String, Object> exported =
        awaitStatus("cluster1", "ExportedServiceSet", "mesh2", "exportedServices", 1).get(0);
    assertThat(exported.get("localService"))
        .isEqualTo(
            Map.of(
                "name",
                "ratings",
                "namespace",
                "mesh1-bookinfo",
                "hostname",
                "ratings.mesh1-bookinfo.svc.cluster.local"));
    assertThat(status("cluster2", "ServiceMeshPeer", "mesh1")).containsEntry("connected", true);
  }

  @Test
  @Order(2)
  void onceTheImportIsWithdrawnTheHostReachesNothing() throws Exception {
    run.runAndCompare("02-import-withdrawn");

    Traffic.of(run)
        .nowhere(IMPORTED, 9080)
        .reachesFrom(
            "cluster1/mesh1-bookinfo", "ratings.mesh1-bookinfo.svc.cluster.local", 9080, RATINGS)
        .check();
    Map<String, Object> status =
        await()
            .atMost(STATUS_TIMEOUT)
            .until(
                () -> status("cluster1", "ExportedServiceSet", "mesh2"),
                s -> "WARNING".equals(s.get("state")));
    assertThat(status.get("message").toString())
        .contains("cluster cluster2 has no ImportedServiceSet mesh1");
  }

  @Test
  @Order(3)
  void importedAsLocalTheExportingMeshsPodsJoinTheLocalService() throws Exception {
    run.runAndCompare("03-imported-as-local");

    String local = "ratings.mesh2-bookinfo.svc.cluster.local";
    Traffic.of(run)
        .reachesFrom(
            "cluster2/mesh2-bookinfo", local, 9080, RATINGS, "cluster2/mesh2-bookinfo/ratings")
        .reachesFrom(
            "cluster1/mesh1-bookinfo", "ratings.mesh1-bookinfo.svc.cluster.local", 9080, RATINGS)
        .nowhere(IMPORTED, 9080)
        .check();
    Map<String, Object> imported =
        await()
            .atMost(STATUS_TIMEOUT)
            .until(
                () ->
                    awaitStatus("cluster2", "ImportedServiceSet", "mesh1", "importedServices", 1)
                        .get(0),
                entry ->
                    entry.get("localService") instanceof Map<?, ?> service
                        && local.equals(service.get("hostname")));
    assertThat(imported)
        .containsEntry("exportedName", "ratings-aliased.mesh1-bookinfo.svc.mesh2-exports.local");
  }

  @Test
  @Order(4)
  void importedAsLocalBothWaysOneServiceSpansBothMeshesWithoutBouncing() throws Exception {
    run.runAndCompare("04-both-import-as-local");

    String ha = "ratings.bookinfo-ha.svc.cluster.local";
    String[] both = {"cluster1/bookinfo-ha/ratings", "cluster2/bookinfo-ha/ratings"};
    Traffic.of(run)
        .reachesFrom("cluster1/mesh1-bookinfo", ha, 9080, both)
        .reachesFrom("cluster2/mesh2-bookinfo", ha, 9080, both)
        .reachesFrom(
            "cluster2/mesh2-bookinfo",
            "ratings.mesh2-bookinfo.svc.cluster.local",
            9080,
            RATINGS,
            "cluster2/mesh2-bookinfo/ratings")
        .check();
  }

  /** The list field of an OSSM resource's status, once it holds {@code size} entries. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> awaitStatus(
      String cluster, String kind, String name, String field, int size) {
    return await()
        .atMost(STATUS_TIMEOUT)
        .until(
            () -> {
              Object list = status(cluster, kind, name).get(field);
              return list instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
            },
            list -> list.size() == size);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> status(String cluster, String kind, String name) {
    GenericKubernetesResource object =
        run.pipeline()
            .clusters()
            .get(cluster)
            .client()
            .genericKubernetesResources(OSSM, kind)
            .inNamespace("istio-system")
            .withName(name)
            .get();
    Object status = object == null ? null : object.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
