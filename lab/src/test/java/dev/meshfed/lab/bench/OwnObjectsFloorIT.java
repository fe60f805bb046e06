package dev.meshfed.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.oracle.mesh.ManagedObjects;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnObjectsFloorIT {

  @Test
  void appliesACopyOfEveryObjectMeshfedHoldsThatIstioAdmits() throws Exception {
    try (SimulatedCluster cluster = SimulatedCluster.start("own-floor")) {
      cluster.installIstio("1.24.6");
      KubernetesClient client = cluster.client();
      apply(client, managed("ServiceEntry", "svc-1", Map.of("hosts", List.of("svc-1.global"))));
      apply(
          client,
          managed(
              "DestinationRule",
              "svc-1",
              Map.of(
                  "host",
                  "svc-1.global",
                  "trafficPolicy",
                  Map.of("outlierDetection", Map.of("consecutive5xxErrors", 5)))));

      OwnObjectsFloor.measure(List.of(client));

      List<GenericKubernetesResource> copies =
          ManagedObjects.istioKinds().stream()
              .flatMap(
                  kind ->
                      client
                          .genericKubernetesResources(kind)
                          .inNamespace(OwnObjectsFloor.NAMESPACE)
                          .list()
                          .getItems()
                          .stream())
              .toList();
      assertThat(copies)
          .extracting(GenericKubernetesResource::getKind)
          .containsExactlyInAnyOrder("ServiceEntry", "DestinationRule");
      assertThat(copies)
          .allSatisfy(
              copy ->
                  assertThat(copy.getMetadata().getLabels())
                      .containsEntry(ManagedObjects.MANAGED_BY_LABEL, "meshfed-bench-floor"));
    }
  }

  private static GenericKubernetesResource managed(
      String kind, String name, Map<String, Object> spec) {
    GenericKubernetesResource object =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("networking.istio.io/v1")
            .withKind(kind)
            .withNewMetadata()
            .withName(name)
            .withNamespace("istio-system")
            .withLabels(Map.of(ManagedObjects.MANAGED_BY_LABEL, ManagedObjects.MANAGED_BY_VALUE))
            .endMetadata()
            .build();
    object.setAdditionalProperty("spec", spec);
    return object;
  }

  private static void apply(KubernetesClient client, GenericKubernetesResource object) {
    client
        .resource(object)
        .fieldManager(ManagedObjects.FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
  }
}
