package dev.meshfed.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshfed.testbed.scenario.Step;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchMeshTest {

  private final BenchSize size = new BenchSize(3, 10, 4);
  private final Step step = BenchMesh.initial(size);

  @Test
  void everyWorkloadClusterRunsIstioWithItsServicesSpreadOverTheNamespaces() {
    assertThat(step.objectsByCluster().keySet())
        .containsExactly("cluster-01", "cluster-02", "cluster-03", "mgmt");
    List<GenericKubernetesResource> cluster2 = step.objectsByCluster().get("cluster-02");
    assertThat(cluster2)
        .filteredOn(o -> o.getKind().equals("Service"))
        .hasSize(10 + 1) // and the east-west gateway
        .extracting(o -> o.getMetadata().getNamespace())
        .containsOnly("bench-0", "bench-1", "bench-2", "bench-3", "istio-system");
    assertThat(cluster2).filteredOn(o -> o.getKind().equals("Deployment")).hasSize(1);
  }

  @Test
  void gatewaysHaveDistinctAddresses() {
    assertThat(step.objectsByCluster().values().stream().flatMap(List::stream))
        .filteredOn(o -> o.getMetadata().getName().equals("istio-eastwestgateway"))
        .extracting(o -> o.get("status", "loadBalancer", "ingress").toString())
        .doesNotHaveDuplicates()
        .hasSize(3);
  }

  @Test
  void oneWorkspaceSelectsEveryNamespaceOfEveryClusterAndOneSettingsFederatesAll() {
    GenericKubernetesResource workspace = step.objectsByCluster().get("mgmt").get(0);
    List<?> clusters = (List<?>) ((Map<?, ?>) workspace.get("spec")).get("workloadClusters");
    assertThat(clusters).hasSize(3);
    assertThat((List<?>) ((Map<?, ?>) clusters.get(0)).get("namespaces")).hasSize(4);
    assertThat(step.objectsByCluster().values().stream().flatMap(List::stream))
        .filteredOn(o -> o.getKind().equals("WorkspaceSettings"))
        .hasSize(1);
  }

  @Test
  void eachClusterShouldHoldAnEntryPerServiceOfTheMeshAndItsGateway() {
    assertThat(size.expectedDesiredPerCluster()).isEqualTo(3 * 10 + 1);
  }

  @Test
  void sizesThatMakeNoMeshAreRefused() {
    assertThatThrownBy(() -> new BenchSize(1, 10, 1)).hasMessageContaining("at least 2 clusters");
    assertThatThrownBy(() -> new BenchSize(2, 3, 4)).hasMessageContaining("namespaces empty");
  }
}
