package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ClusterRegistrationState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterRegistrationMapperTest {

  @Test
  void mapsARegistrationToItsClustersNameAndLabels() {
    var registration = Fixtures.customResource("KubernetesCluster", "cluster1", Map.of());
    registration.getMetadata().setLabels(Map.of("env", "prod"));

    Mapping mapping = ClusterRegistrationMapper.map(registration);

    assertThat(mapping.problems()).isEmpty();
    assertThat(mapping.writes().get(0).key())
        .isEqualTo(Keys.of(DiscoveredKinds.KUBERNETES_CLUSTER, "gloo-mesh", "cluster1"));
    assertThat(mapping.writes().get(0).value().getPayload())
        .isEqualTo(new ClusterRegistrationState(Map.of("env", "prod"), false));
  }

  @Test
  void specRemovedDeregistersTheCluster() {
    var registration =
        Fixtures.customResource("KubernetesCluster", "cluster2", Map.of("removed", true));

    Mapping mapping = ClusterRegistrationMapper.map(registration);

    assertThat(mapping.writes().get(0).value().getPayload())
        .isEqualTo(new ClusterRegistrationState(Map.of(), true));
  }

  @Test
  void anUnreadableRemovedFlagIsAProblemAndLeavesTheClusterIn() {
    var registration =
        Fixtures.customResource("KubernetesCluster", "cluster2", Map.of("removed", "yes"));

    Mapping mapping = ClusterRegistrationMapper.map(registration);

    assertThat(mapping.problems()).containsExactly("spec.removed: expected a boolean, found 'yes'");
    assertThat(mapping.writes().get(0).value().getPayload())
        .isEqualTo(new ClusterRegistrationState(Map.of(), false));
    // the record carries them, so that translation reports them on the registration's status
    assertThat(mapping.writes().get(0).value().getProblems())
        .containsExactly("spec.removed: expected a boolean, found 'yes'");
  }

  @Test
  void aRegistrationReadWholeCarriesNoProblems() {
    var registration = Fixtures.customResource("KubernetesCluster", "cluster1", Map.of());

    assertThat(ClusterRegistrationMapper.map(registration).writes().get(0).value().getProblems())
        .isEmpty();
  }
}
