package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.cli.events.EventReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A cluster deregistered by its KubernetesCluster (spec.removed) while its discovery-service runs
 * on: what it contributed leaves the other clusters, what meshfed applied in it is pruned, and it
 * comes back whole when the flag goes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterRemovalIT {

  private static final String PRODUCTPAGE = "productpage.bookinfo.svc.cluster1.global";
  private static final String REVIEWS = "reviews.bookinfo.svc.cluster2.global";

  @RegisterExtension static final ScenarioRun run = new ScenarioRun("cluster-removal");

  @Test
  @Order(1)
  void bothClustersFederateIntoEachOther() throws Exception {
    run.runAndCompare("01-federated");

    assertThat(run.hosts("cluster1")).contains(PRODUCTPAGE, REVIEWS);
    assertThat(run.hosts("cluster2")).contains(PRODUCTPAGE, REVIEWS);
  }

  @Test
  @Order(2)
  void aRemovedClusterLeavesNoTraceElsewhereAndIsPruned() throws Exception {
    run.runAndCompare("02-cluster2-removed");

    assertThat(run.hosts("cluster1")).containsExactly(PRODUCTPAGE);
    assertThat(run.managed("cluster2")).isEmpty();
    assertThat(clusterEvents())
        .containsSubsequence("ClusterJoined cluster2", "ClusterLeft cluster2");
  }

  @Test
  @Order(3)
  void itComesBackWholeWhenTheRegistrationLetsItIn() throws Exception {
    run.runAndCompare("03-cluster2-back");

    assertThat(run.hosts("cluster1")).contains(PRODUCTPAGE, REVIEWS);
    assertThat(run.hosts("cluster2")).contains(PRODUCTPAGE, REVIEWS);
    assertThat(clusterEvents())
        .containsSubsequence(
            "ClusterJoined cluster2", "ClusterLeft cluster2", "ClusterJoined cluster2");
  }

  /** ClusterJoined and ClusterLeft events, in order, as "type cluster". */
  private static List<String> clusterEvents() {
    List<String> events = new ArrayList<>();
    Properties kafka = new Properties();
    kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, run.pipeline().bootstrapServers());
    try (EventReader reader = new EventReader(kafka)) {
      reader.read(
          null,
          false,
          event -> {
            if (event.type().startsWith("Cluster")) {
              events.add(event.type() + " " + event.targetCluster().orElseThrow());
            }
          });
    }
    return events;
  }
}
