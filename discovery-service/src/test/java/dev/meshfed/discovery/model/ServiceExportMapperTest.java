package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.ServiceExportState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceExportMapperTest {

  private static final String API_VERSION = "multicluster.x-k8s.io/v1alpha1";

  @Test
  void publishesTheExportUnderItsServicesNamespaceAndNameWithItsEnvelope() {
    Mapping mapping = ServiceExportMapper.map(export("bookinfo", "reviews"));

    assertThat(mapping.problems()).isEmpty();
    assertThat(mapping.writes())
        .containsExactly(
            new Write(
                Keys.of(DiscoveredKinds.SERVICE_EXPORT, "bookinfo", "reviews"),
                DiscoveredObject.newBuilder()
                    .setApiVersion(API_VERSION)
                    .setUid(Fixtures.UID)
                    .setGeneration(3L)
                    .setCreationTimestamp(Fixtures.CREATED)
                    .setPayload(new ServiceExportState())
                    .build()));
  }

  @Test
  void itsStatusIsNotRead() {
    GenericKubernetesResource plain = export("bookinfo", "reviews");
    GenericKubernetesResource withStatus = export("bookinfo", "reviews");
    withStatus.setAdditionalProperty(
        "status",
        Map.of("conditions", List.of(Map.of("type", "Valid", "status", "False", "reason", "X"))));

    assertThat(ServiceExportMapper.map(withStatus)).isEqualTo(ServiceExportMapper.map(plain));
  }

  @Test
  void aDeletedExportIsATombstoneOfItsKey() {
    Mapping deleted = ServiceExportMapper.map(export("bookinfo", "ratings")).deleted();

    assertThat(deleted.writes())
        .containsExactly(
            Write.tombstone(Keys.of(DiscoveredKinds.SERVICE_EXPORT, "bookinfo", "ratings")));
  }

  @Test
  void theServiceExportsSourceMapsWithIt() {
    GenericKubernetesResource export = export("bookinfo", "reviews");

    assertThat(DiscoveryMapper.map(Source.SERVICE_EXPORTS, export))
        .isEqualTo(ServiceExportMapper.map(export));
    assertThat(Source.SERVICE_EXPORTS.groupAndResource())
        .containsExactly("multicluster.x-k8s.io", "serviceexports");
    assertThat(Source.SERVICE_EXPORTS.resource().orElseThrow().optional()).isTrue();
  }

  private static GenericKubernetesResource export(String namespace, String name) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API_VERSION)
        .withKind("ServiceExport")
        .withMetadata(Fixtures.metadata(namespace, name, Map.of()))
        .build();
  }
}
