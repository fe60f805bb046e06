package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A cluster deregistered by its KubernetesCluster (spec.removed), then by deleting it (the
 * management cluster still registers the other), while its discovery-service runs on: what it
 * contributed leaves the other clusters, what meshfed applied in it is pruned, and it comes back
 * whole when the flag goes or the registration is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterRemovalIT {

  private static final String PRODUCTPAGE = ClusterRemovalTraffic.PRODUCTPAGE;
  private static final String REVIEWS = ClusterRemovalTraffic.REVIEWS;

  @RegisterExtension static final ScenarioRun run = new ScenarioRun("cluster-removal");

  @Test
  @Order(1)
  void bothClustersFederateIntoEachOther() throws Exception {
    run.runAndCompare("01-federated");

    assertThat(run.hosts("cluster1")).contains(PRODUCTPAGE, REVIEWS);
    assertThat(run.hosts("cluster2")).contains(PRODUCTPAGE, REVIEWS);
    assertFederatedBothWays();
  }

  @Test
  @Order(2)
  void aRemovedClusterLeavesNoTraceElsewhereAndIsPruned() throws Exception {
    run.runAndCompare("02-cluster2-removed");

    assertThat(run.hosts("cluster1")).containsExactly(PRODUCTPAGE);
    assertThat(run.managed("cluster2")).isEmpty();
    Traffic.of(run)
        .federated(PRODUCTPAGE, 9080, "cluster1/bookinfo/productpage", "cluster1/bookinfo")
        .nowhere(REVIEWS, 9080)
        .check();
    assertThat(clusterEvents())
        .containsSubsequence("ClusterJoined cluster2", "ClusterLeft cluster2");
  }

  @Test
  @Order(3)
  void itComesBackWholeWhenTheRegistrationLetsItIn() throws Exception {
    run.runAndCompare("03-cluster2-back");

    assertThat(run.hosts("cluster1")).contains(PRODUCTPAGE, REVIEWS);
    assertThat(run.hosts("cluster2")).contains(PRODUCTPAGE, REVIEWS);
    assertFederatedBothWays();
    assertThat(clusterEvents())
        .containsSubsequence(
            "ClusterJoined cluster2", "ClusterLeft cluster2", "ClusterJoined cluster2");
  }

  @Test
  @Order(4)
  void deletingTheRegistrationRemovesTheClusterOnceOthersAreRegistered() throws Exception {
    run.runAndCompare("04-registration-deleted");

    assertThat(run.hosts("cluster1")).containsExactly(PRODUCTPAGE);
    assertThat(run.managed("cluster2")).isEmpty();
    Traffic.of(run)
        .federated(PRODUCTPAGE, 9080, "cluster1/bookinfo/productpage", "cluster1/bookinfo")
        .nowhere(REVIEWS, 9080)
        .check();
    assertThat(clusterEvents())
        .containsSubsequence(
            "ClusterJoined cluster2",
            "ClusterLeft cluster2",
            "ClusterJoined cluster2",
            "ClusterLeft cluster2");
  }

  @Test
  @Order(5)
  void registeringItAgainBringsItBack() throws Exception {
    run.runAndCompare("05-registered-again");

    assertFederatedBothWays();
    assertThat(clusterEvents()).endsWith("ClusterLeft cluster2", "ClusterJoined cluster2");
  }

  private static void assertFederatedBothWays() {
    ClusterRemovalTraffic.assertFederatedBothWays(run);
  }

  /** ClusterJoined and ClusterLeft events, in order, as "type cluster". */
  private static List<String> clusterEvents() {
    return run.events().stream()
        .filter(event -> List.of("ClusterJoined", "ClusterLeft").contains(event.type()))
        .map(event -> event.type() + " " + event.targetCluster().orElseThrow())
        .toList();
  }
}
