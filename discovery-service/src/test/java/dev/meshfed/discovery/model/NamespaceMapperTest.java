package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.NamespaceState;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamespaceMapperTest {

  @Test
  void mapsLabelsUnderAClusterScopedKey() {
    Namespace namespace =
        new NamespaceBuilder()
            .withMetadata(Fixtures.metadata(null, "bookinfo", Map.of("istio-injection", "enabled")))
            .build();

    Mapping mapping = NamespaceMapper.map(namespace);

    assertThat(mapping.problems()).isEmpty();
    assertThat(mapping.writes())
        .containsExactly(
            new Write(
                Keys.of(DiscoveredKinds.NAMESPACE, "", "bookinfo"),
                DiscoveredObject.newBuilder()
                    .setApiVersion("v1")
                    .setUid(Fixtures.UID)
                    .setGeneration(3L)
                    .setCreationTimestamp(Fixtures.CREATED)
                    .setPayload(new NamespaceState(Map.of("istio-injection", "enabled")))
                    .build()));
  }

  @Test
  void aNamespaceWithoutLabelsHasAnEmptyLabelMap() {
    Namespace namespace =
        new NamespaceBuilder().withNewMetadata().withName("x").endMetadata().build();

    DiscoveredObject value = NamespaceMapper.map(namespace).writes().get(0).value();

    assertThat(((NamespaceState) value.getPayload()).getLabels()).isEmpty();
    assertThat(value.getUid()).isEmpty();
    assertThat(value.getGeneration()).isNull();
  }
}
