package dev.meshfed.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyFloorIT {

  @Test
  void warmsUpWithoutLeavingObjectsAndMeasuresWithTheRequestedCount() throws Exception {
    try (SimulatedCluster a = SimulatedCluster.start("floor-a");
        SimulatedCluster b = SimulatedCluster.start("floor-b")) {
      List<KubernetesClient> clusters = List.of(a.client(), b.client());

      ApplyFloor.warmUp(clusters, 30);
      ApplyFloor.measure(clusters, 12);

      for (KubernetesClient cluster : clusters) {
        assertThat(entriesIn(cluster, ApplyFloor.WARM_UP_NAMESPACE)).isZero();
        assertThat(entriesIn(cluster, ApplyFloor.NAMESPACE)).isEqualTo(12);
      }
    }
  }

  private static int entriesIn(KubernetesClient cluster, String namespace) {
    return cluster
        .genericKubernetesResources(BenchMesh.SERVICE_ENTRIES)
        .inNamespace(namespace)
        .list()
        .getItems()
        .size();
  }
}
