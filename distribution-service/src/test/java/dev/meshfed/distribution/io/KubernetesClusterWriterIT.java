package dev.meshfed.distribution.io;

import static dev.meshfed.distribution.io.IstioObjects.NETWORKING_V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshfed.distribution.model.DesiredManifest;
import dev.meshfed.distribution.model.KindTable;
import dev.meshfed.distribution.model.ManifestParser;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.StatusTarget;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writes made as plain requests, against an API server: an absent object is a delete done, a
 * patch refused with 404, and a status not written.
 */
class KubernetesClusterWriterIT {

  private static final ObjectKey KEY =
      new ObjectKey(NETWORKING_V1, "ServiceEntry", IstioObjects.NAMESPACE, "foo");

  private SimulatedCluster cluster;
  private KubernetesClusterWriter writer;
  private DesiredManifest manifest;

  @BeforeEach
  void start() throws Exception {
    cluster = SimulatedCluster.start("writer");
    writer = new KubernetesClusterWriter(cluster.client());
    manifest =
        new ManifestParser(KindTable.DISTRIBUTED)
            .parse(KEY, IstioObjects.serviceEntry(NETWORKING_V1, "foo", "a.global"));
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void removesFieldsThenDeletesAndADeleteOfWhatIsGoneIsDone() {
    String applied = writer.apply(manifest);
    assertThat(applied).isNotEmpty();

    writer.removeFields(KEY, manifest.type(), List.of(List.of("spec", "location")));
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) live().getAdditionalProperties().get("spec");
    assertThat(spec).containsKey("hosts").doesNotContainKey("location");

    writer.delete(KEY, manifest.type());
    assertThat(IstioObjects.get(cluster.client(), NETWORKING_V1, "ServiceEntry", "foo")).isEmpty();
    writer.delete(KEY, manifest.type());
  }

  @Test
  void aPatchOfAnAbsentObjectIsRefusedAndItsStatusIsNotWritten() {
    assertThatThrownBy(
            () -> writer.removeFields(KEY, manifest.type(), List.of(List.of("spec", "location"))))
        .isInstanceOf(ClusterApiException.class)
        .hasMessageContaining("404");

    boolean written =
        new KubernetesStatusWriter(cluster.client(), Clock.systemUTC())
            .write(
                new StatusTarget("ServiceEntry", IstioObjects.NAMESPACE, "foo"),
                manifest.type(),
                "{\"state\":\"ACCEPTED\"}");
    assertThat(written).isFalse();
  }

  private GenericKubernetesResource live() {
    return IstioObjects.get(cluster.client(), NETWORKING_V1, "ServiceEntry", "foo").orElseThrow();
  }
}
