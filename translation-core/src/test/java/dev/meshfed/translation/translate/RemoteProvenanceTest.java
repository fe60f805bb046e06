package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.ObjectId;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Three clusters back each VirtualDestination of {@code failover-locality}: a consumer's entry and
 * rule name all three backing services, each of its WorkloadEntries only the consumer's and the one
 * of the cluster it reaches.
 */
class RemoteProvenanceTest {

  @Test
  void aWorkloadEntryNamesTheBackingServicesOfItsConsumerAndItsRemoteOnly() throws IOException {
    GoldenCase golden = GoldenCase.named("failover-locality");
    List<Output> outputs =
        FederationTranslator.translateAll(golden.mesh(), golden.settings()).values().stream()
            .flatMap(result -> result.outputs().stream())
            .filter(o -> o.name().startsWith("vd-"))
            .toList();
    List<Output> entries = ofKind(outputs, VirtualDestinationObjects.WORKLOAD_ENTRY);

    assertThat(entries).hasSizeGreaterThanOrEqualTo(6);
    for (Output entry : entries) {
      String remote = entry.name().replaceAll(".*-(cluster[0-9]+)(-.*)?$", "$1");
      assertThat(servicesNamed(entry)).containsExactlyInAnyOrder(entry.cluster(), remote);
    }
    assertThat(ofKind(outputs, VirtualDestinationObjects.SERVICE_ENTRY))
        .isNotEmpty()
        .allSatisfy(
            e ->
                assertThat(servicesNamed(e))
                    .containsExactlyInAnyOrder("cluster1", "cluster2", "cluster3"));
  }

  private static List<Output> ofKind(List<Output> outputs, String kind) {
    return outputs.stream().filter(o -> o.kind().equals(kind)).toList();
  }

  /** The clusters of the Services an output names, and its annotation agrees. */
  private static Set<String> servicesNamed(Output output) {
    List<ObjectId> services =
        output.sources().stream().filter(id -> id.kind().equals("Service")).toList();
    String annotation =
        output.manifest().path("metadata").path("annotations").path("meshfed.dev/sources").asText();
    assertThat(annotation)
        .isEqualTo(String.join(",", output.sources().stream().map(ObjectId::ref).toList()));
    return services.stream().map(ObjectId::cluster).collect(Collectors.toSet());
  }
}
