package dev.meshfed.oracle.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagedObjectsTest {

  @Test
  void toYamlSortsKeysAndQuotesStringsThatLookLikeOtherTypes() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("zeta", "8080");
    spec.put("alpha", Map.of("enabled", "true"));
    GenericKubernetesResource object =
        new GenericKubernetesResourceBuilder()
            .withKind("Sidecar")
            .withApiVersion("networking.istio.io/v1")
            .withNewMetadata()
            .withName("default")
            .withResourceVersion("12")
            .endMetadata()
            .addToAdditionalProperties("status", Map.of("ready", true))
            .addToAdditionalProperties("spec", spec)
            .build();

    assertThat(ManagedObjects.toYaml(object))
        .isEqualTo(
            """
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata:
              name: default
            spec:
              alpha:
                enabled: "true"
              zeta: "8080"
            """);
  }
}
