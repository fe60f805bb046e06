package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The workshop's sharing between workspaces, step by step: bookinfo (cluster1, cluster2) and
 * istio-system (istio-system of every cluster registered with mesh=federated, cluster3 included). A
 * service reaches istio-system only once bookinfo exports to it and it imports from bookinfo.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceSharingIT {

  private static final String PRODUCTPAGE = "productpage.bookinfo.svc.cluster1.global";
  private static final String REVIEWS = "reviews.bookinfo.svc.cluster2.global";

  /** Without sharing, the workspace's own namespaces are a host's only consumers. */
  private static final String[] BOOKINFO = {"cluster1/bookinfo", "cluster2/bookinfo"};

  @RegisterExtension static final ScenarioRun run = new ScenarioRun("workspace-sharing");

  @Test
  @Order(1)
  void withoutSharingOnlyTheWorkspacesOwnClustersGetItsServices() throws Exception {
    run.runAndCompare("01-isolated");

    assertThat(run.hosts("cluster2")).contains(PRODUCTPAGE);
    assertThat(run.hosts("cluster3")).isEmpty();
    Traffic.of(run)
        .federated(PRODUCTPAGE, 9080, "cluster1/bookinfo/productpage", BOOKINFO)
        .federated(REVIEWS, 9080, "cluster2/bookinfo/reviews", BOOKINFO)
        .check();
  }

  @Test
  @Order(2)
  void anImportAloneSharesNothing() throws Exception {
    run.runAndCompare("02-import-only");

    assertThat(run.hosts("cluster3")).isEmpty();
    assertThat(exportTo("cluster2", "productpage-bookinfo-svc-cluster1-global"))
        .containsExactly("bookinfo");
    Traffic.of(run)
        .federated(PRODUCTPAGE, 9080, "cluster1/bookinfo/productpage", BOOKINFO)
        .federated(REVIEWS, 9080, "cluster2/bookinfo/reviews", BOOKINFO)
        .check();
  }

  @Test
  @Order(3)
  void exportAndImportTogetherReachTheImportersNamespacesInEveryCluster() throws Exception {
    run.runAndCompare("03-shared");

    assertThat(run.hosts("cluster3")).containsExactlyInAnyOrder(PRODUCTPAGE, REVIEWS);
    assertThat(exportTo("cluster3", "reviews-bookinfo-svc-cluster2-global"))
        .containsExactly("istio-system");
    assertThat(exportTo("cluster2", "productpage-bookinfo-svc-cluster1-global"))
        .containsExactly("bookinfo", "istio-system");
    String[] sharedWithIstioSystem = {
      "cluster1/bookinfo",
      "cluster2/bookinfo",
      "cluster1/istio-system",
      "cluster2/istio-system",
      "cluster3/istio-system"
    };
    Traffic.of(run)
        .federated(PRODUCTPAGE, 9080, "cluster1/bookinfo/productpage", sharedWithIstioSystem)
        .federated(REVIEWS, 9080, "cluster2/bookinfo/reviews", sharedWithIstioSystem)
        .check();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(run.status("mgmt", "workspaces", "gloo-mesh", "bookinfo"))
                  .containsEntry("state", "ACCEPTED")
                  .containsEntry("federatedServices", 2)
                  .containsEntry("exportedServices", 2)
                  .containsEntry("selectedClusters", 2);
              assertThat(run.status("mgmt", "workspaces", "gloo-mesh", "istio-system"))
                  .containsEntry("importedServices", 2)
                  .containsEntry("selectedClusters", 3);
              assertThat(run.status("mgmt", "kubernetesclusters", "gloo-mesh", "cluster3"))
                  .containsEntry("state", "ACCEPTED")
                  .containsEntry("applyFailures", 0);
            });
  }

  @Test
  @Order(4)
  void withdrawingTheExportPrunesWhatItShared() throws Exception {
    run.runAndCompare("04-export-withdrawn");

    assertThat(run.hosts("cluster3")).isEmpty();
    assertThat(exportTo("cluster2", "productpage-bookinfo-svc-cluster1-global"))
        .containsExactly("bookinfo");
    Traffic.of(run)
        .federated(PRODUCTPAGE, 9080, "cluster1/bookinfo/productpage", BOOKINFO)
        .federated(REVIEWS, 9080, "cluster2/bookinfo/reviews", BOOKINFO)
        .check();
  }

  @SuppressWarnings("unchecked")
  private static List<String> exportTo(String cluster, String serviceEntry) {
    Map<String, Object> spec = run.serviceEntry(cluster, serviceEntry).get("spec");
    return (List<String>) spec.get("exportTo");
  }
}
