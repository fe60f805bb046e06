package dev.meshfed.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnObjectsFloorTest {

  @Test
  void aCopyKeepsTheObjectsContentUnderANameAndOwnerOfTheBenchs() {
    GenericKubernetesResource rule =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("networking.istio.io/v1")
            .withKind("DestinationRule")
            .withNewMetadata()
            .withName("svc-1-global")
            .withNamespace("istio-system")
            .withLabels(Map.of("app.kubernetes.io/managed-by", "meshfed", "tier", "a"))
            .withAnnotations(Map.of("meshfed.dev/provenance", "VirtualDestination/svc-1"))
            .endMetadata()
            .build();
    rule.setAdditionalProperty("spec", Map.of("host", "svc-1.global"));

    List<OwnObjectsFloor.Copy> copies =
        OwnObjectsFloor.copies(List.of(rule, rule.toBuilder().build()));

    GenericKubernetesResource copy = copies.get(0).object();
    assertThat(copies.get(0).kind().getPlural()).isEqualTo("destinationrules");
    assertThat(copies.get(0).kind().getVersion()).isEqualTo("v1");
    assertThat(copy.getApiVersion()).isEqualTo("networking.istio.io/v1");
    assertThat(copy.getKind()).isEqualTo("DestinationRule");
    assertThat(copy.getMetadata().getNamespace()).isEqualTo(OwnObjectsFloor.NAMESPACE);
    assertThat(copy.getMetadata().getLabels())
        .containsEntry("tier", "a")
        .containsEntry("app.kubernetes.io/managed-by", "meshfed-bench-floor");
    assertThat(copy.getMetadata().getAnnotations())
        .containsEntry("meshfed.dev/provenance", "VirtualDestination/svc-1");
    assertThat(copy.getAdditionalProperties())
        .containsEntry("spec", Map.of("host", "svc-1.global"));
    assertThat(copies)
        .extracting(c -> c.object().getMetadata().getName())
        .containsExactly("floor-0", "floor-1");
    assertThat(rule.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "meshfed");
  }
}
