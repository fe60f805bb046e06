package dev.meshfed.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupedMeshTest {

  private final BenchSize size = new BenchSize(3, 10, 4, 1);
  private final Map<String, List<GenericKubernetesResource>> objects =
      BenchMesh.initial(size).objectsByCluster();

  @Test
  void everyServiceNameGetsAVirtualDestinationARouteTableAndTwoPoliciesInOneCluster() {
    List<GenericKubernetesResource> all = objects.values().stream().flatMap(List::stream).toList();
    for (String kind :
        List.of(
            "VirtualDestination", "RouteTable", "OutlierDetectionPolicy", "RetryTimeoutPolicy")) {
      assertThat(all).as(kind).filteredOn(o -> o.getKind().equals(kind)).hasSize(10);
    }
    // svc-4 is the second cluster's (4 mod 3), in svc-4's namespace
    assertThat(objects.get("cluster-02"))
        .filteredOn(o -> o.getKind().equals("VirtualDestination"))
        .extracting(o -> o.getMetadata().getNamespace() + "/" + o.getMetadata().getName())
        .contains("bench-0/svc-4");
  }

  @Test
  void theVirtualDestinationIsBackedBySvcNInEveryClusterOnItsNamedPort() {
    GenericKubernetesResource vd = GroupedMesh.virtualDestination(size, 5, 8081);

    assertThat((Object) vd.get("spec", "hosts")).isEqualTo(List.of("svc-5.global"));
    assertThat((Map<?, ?>) vd.get("spec", "services", 0))
        .isEqualTo(Map.of("name", "svc-5", "namespace", "bench-1"));
    assertThat((Object) vd.get("spec", "ports", 0, "number")).isEqualTo(8081);
    assertThat((Object) vd.get("spec", "ports", 0, "targetPort", "name")).isEqualTo("http");
  }

  @Test
  void eachPolicySelectsItsOwnDestinationOrRouteByALabelOnlyThatOneCarries() {
    List<GenericKubernetesResource> cluster1 = objects.get("cluster-01");
    GenericKubernetesResource vd = named(cluster1, "VirtualDestination", "svc-3");
    GenericKubernetesResource outlier =
        named(cluster1, "OutlierDetectionPolicy", "svc-3-outlier-detection");
    assertThat((Map<?, ?>) outlier.get("spec", "applyToDestinations", 0, "selector", "labels"))
        .isEqualTo(vd.getMetadata().getLabels())
        .isNotEmpty();

    GenericKubernetesResource routes = named(cluster1, "RouteTable", "svc-3");
    GenericKubernetesResource retry = named(cluster1, "RetryTimeoutPolicy", "svc-3-retry-timeout");
    assertThat((Map<?, ?>) retry.get("spec", "applyToRoutes", 0, "route", "labels"))
        .isEqualTo(routes.get("spec", "http", 0, "labels"))
        .isNotEmpty();
    assertThat((Object) routes.get("spec", "http", 0, "forwardTo", "destinations", 0, "kind"))
        .isEqualTo("VIRTUAL_DESTINATION");
  }

  @Test
  void aFractionOfTheServiceNamesCanBeGrouped() {
    assertThat(new BenchSize(3, 10, 4, 3).virtualDestinationServices()).containsExactly(0, 3, 6, 9);
    assertThat(new BenchSize(3, 10, 4).virtualDestinationServices()).isEmpty();
  }

  /**
   * Counted in a 3x4 grouped run's clusters (an entry per service of the mesh and the Gateway, then
   * per VirtualDestination its entry, two WorkloadEntries, its rule and the route table's
   * VirtualService), and held by every bench run's check.
   */
  @Test
  void groupedEachClusterShouldAlsoHoldEachVirtualDestinationsObjects() {
    assertThat(new BenchSize(3, 4, 2, 1).expectedDesiredPerCluster())
        .isEqualTo(3 * 4 + 1 + 4 * (1 + 2 + 1 + 1))
        .isEqualTo(33);
    assertThat(new BenchSize(20, 500, 5, 1).expectedDesiredPerCluster())
        .isEqualTo(20 * 500 + 1 + 500 * (1 + 19 + 1 + 1));
  }

  private static GenericKubernetesResource named(
      List<GenericKubernetesResource> objects, String kind, String name) {
    return objects.stream()
        .filter(o -> o.getKind().equals(kind) && o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
