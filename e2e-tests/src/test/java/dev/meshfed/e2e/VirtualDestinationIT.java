package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.cli.events.EventView;
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
 * The workshop's grouped federation: reviews.global, a VirtualDestination of workspace bookinfo,
 * backed by reviews in cluster1 (v1, v2) and cluster2 (v3). Every bookinfo namespace reaches all
 * three versions through it; with a FailoverPolicy and an OutlierDetectionPolicy, each region's
 * clients stay in it; once cluster1's reviews is gone, cluster1's clients fail over to cluster2's
 * v3 through its east-west gateway; with weighted locality mappings (Istio's distribute), us-east's
 * clients reach both regions and us-west's stay in theirs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VirtualDestinationIT {

  private static final String HOST = "reviews.global";
  private static final String[] BOOKINFO = {"cluster1/bookinfo", "cluster2/bookinfo"};
  private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(30);

  @RegisterExtension
  static final ScenarioRun run = new ScenarioRun("virtual-destination", List.of("crds/gloo"));

  @Test
  @Order(1)
  void theGlobalHostReachesEveryBackingClustersPodsFromTheWholeWorkspace() throws Exception {
    run.runAndCompare("01-backed-in-two-clusters");

    Traffic.of(run)
        .backedBy(
            HOST, 9080, List.of("cluster1/bookinfo/reviews", "cluster2/bookinfo/reviews"), BOOKINFO)
        .check();
    assertThat(statusOfTheVirtualDestination(2))
        .containsEntry("state", "ACCEPTED")
        .containsEntry("selectedBackingServices", 2);
    assertThat(run.events())
        .filteredOn(e -> e.type().equals("HostFederated"))
        .extracting(EventView::subject)
        .contains(HOST);
  }

  @Test
  @Order(2)
  void withFailoverAndOutlierDetectionEachRegionsClientsStayInIt() throws Exception {
    run.runAndCompare("02-failover-policies");

    located(Traffic.of(run))
        .reachesFrom("cluster1/bookinfo", HOST, 9080, "cluster1/bookinfo/reviews")
        .reachesFrom("cluster2/bookinfo", HOST, 9080, "cluster2/bookinfo/reviews")
        .check();
    assertThat(statusOfTheVirtualDestination(2)).containsEntry("appliedPolicies", 2);
  }

  @Test
  @Order(3)
  void withoutReviewsInCluster1ItsClientsFailOverToCluster2() throws Exception {
    run.runAndCompare("03-cluster1-reviews-deleted");

    located(Traffic.of(run))
        .backedBy(HOST, 9080, List.of("cluster2/bookinfo/reviews"), BOOKINFO)
        .check();
    assertThat(statusOfTheVirtualDestination(1)).containsEntry("state", "ACCEPTED");
    assertThat(run.managed("cluster1", "WorkloadEntry")).isEmpty();
  }

  @Test
  @Order(4)
  void theSameInGlooMeshsOwnApiVersionsGivesTheSameIstioConfig() throws Exception {
    run.runAndCompare("04-gloo-dialect");

    SameIstioConfig.assertSame(
        run.expected("04-gloo-dialect"), run.expected("02-failover-policies"));
    located(Traffic.of(run))
        .reachesFrom("cluster1/bookinfo", HOST, 9080, "cluster1/bookinfo/reviews")
        .reachesFrom("cluster2/bookinfo", HOST, 9080, "cluster2/bookinfo/reviews")
        .check();
    Map<String, Object> gloo =
        await()
            .atMost(STATUS_TIMEOUT)
            .until(
                () -> meshfedStatusOfGloos("reviews"),
                status -> Integer.valueOf(2).equals(status.get("appliedPolicies")));
    assertThat(gloo).containsEntry("state", "ACCEPTED").containsEntry("selectedBackingServices", 2);
  }

  @Test
  @Order(5)
  void withWeightedLocalityMappingsEachRegionsClientsGoWhereTheWeightsSay() throws Exception {
    run.runAndCompare("05-weighted-distribute");

    located(Traffic.of(run))
        .reachesFrom(
            "cluster1/bookinfo",
            HOST,
            9080,
            "cluster1/bookinfo/reviews",
            "cluster2/bookinfo/reviews")
        .reachesFrom("cluster2/bookinfo", HOST, 9080, "cluster2/bookinfo/reviews")
        .check();
  }

  /** status.meshfed of Gloo's VirtualDestination: the rest of its status is Gloo's. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> meshfedStatusOfGloos(String name) {
    GenericKubernetesResource vd =
        run.pipeline()
            .clusters()
            .get("cluster1")
            .client()
            .genericKubernetesResources("networking.gloo.solo.io/v2", "VirtualDestination")
            .inNamespace("bookinfo")
            .withName(name)
            .get();
    Object status = vd == null ? null : vd.getAdditionalProperties().get("status");
    Object meshfed = status instanceof Map<?, ?> m ? m.get("meshfed") : null;
    return meshfed instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /** Each cluster's proxies in its nodes' locality (the scenario's topology labels). */
  private static Traffic located(Traffic traffic) {
    return traffic
        .locatedAt("cluster1", "us-east/us-east-1a")
        .locatedAt("cluster2", "us-west/us-west-1b");
  }

  /** The status distribution wrote to the VirtualDestination, once it counts {@code backing}. */
  private static Map<String, Object> statusOfTheVirtualDestination(int backing) {
    return await()
        .atMost(STATUS_TIMEOUT)
        .until(
            () -> {
              GenericKubernetesResource vd =
                  run.pipeline()
                      .clusters()
                      .get("cluster1")
                      .client()
                      .genericKubernetesResources("meshfed.dev/v1alpha1", "VirtualDestination")
                      .inNamespace("bookinfo")
                      .withName("reviews")
                      .get();
              @SuppressWarnings("unchecked")
              Map<String, Object> status =
                  vd == null
                      ? Map.of()
                      : (Map<String, Object>) vd.getAdditionalProperties().get("status");
              return status == null ? Map.<String, Object>of() : status;
            },
            status -> Integer.valueOf(backing).equals(status.get("selectedBackingServices")));
  }
}
