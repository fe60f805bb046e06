package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ControlPlaneState;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlPlaneMapperTest {

  private static final Map<String, String> ISTIOD = Map.of("app", "istiod", "istio.io/rev", "1-11");

  @Test
  void mapsTheDiscoveryContainer() {
    Deployment istiod =
        deployment(
            ISTIOD,
            container("sidecar", "docker.io/istio/proxyv2:1.11.7"),
            container("discovery", "docker.io/istio/pilot:1.11.7-solo"));

    Mapping mapping = ControlPlaneMapper.map(istiod);

    assertThat(mapping.problems()).isEmpty();
    Write write = mapping.writes().get(0);
    assertThat(write.key())
        .isEqualTo(Keys.of(DiscoveredKinds.CONTROL_PLANE, "istio-system", "istiod-1-11"));
    assertThat(write.value().getApiVersion()).isEqualTo("apps/v1");
    assertThat(write.value().getPayload())
        .isEqualTo(
            new ControlPlaneState("docker.io/istio/pilot:1.11.7-solo", "1.11.7", "1-11", Map.of()));
  }

  @Test
  void keepsTheEnvironmentSettingsThatChangeCrossClusterTrafficOnly() {
    Container discovery =
        new ContainerBuilder()
            .withName("discovery")
            .withImage("docker.io/istio/pilot:1.24.2")
            .addNewEnv()
            .withName("PILOT_SKIP_VALIDATE_TRUST_DOMAIN")
            .withValue("true")
            .endEnv()
            .addNewEnv()
            .withName("PILOT_TRACE_SAMPLING")
            .withValue("100")
            .endEnv()
            .addNewEnv()
            .withName("PILOT_ENABLE_IP_AUTOALLOCATE")
            .withNewValueFrom()
            .withNewConfigMapKeyRef("flag", "flags", false)
            .endValueFrom()
            .endEnv()
            .build();

    ControlPlaneState state =
        (ControlPlaneState)
            ControlPlaneMapper.map(deployment(ISTIOD, discovery))
                .writes()
                .get(0)
                .value()
                .getPayload();

    assertThat(state.getEnv())
        .as("a value from a reference is not followed")
        .containsExactly(Map.entry("PILOT_SKIP_VALIDATE_TRUST_DOMAIN", "true"));
  }

  @Test
  void fallsBackToTheFirstContainer() {
    Deployment istiod =
        deployment(Map.of("app", "istiod"), container("pilot", "istio/pilot:1.22.0"));

    var state =
        (ControlPlaneState) ControlPlaneMapper.map(istiod).writes().get(0).value().getPayload();

    assertThat(state)
        .isEqualTo(new ControlPlaneState("istio/pilot:1.22.0", "1.22.0", null, Map.of()));
  }

  @Test
  void aDeploymentWithoutContainersIsAProblemNotAnError() {
    Deployment istiod = deployment(ISTIOD);

    Mapping mapping = ControlPlaneMapper.map(istiod);

    assertThat(mapping.problems()).singleElement().asString().contains("no container");
    assertThat(((ControlPlaneState) mapping.writes().get(0).value().getPayload()).getImage())
        .isEmpty();
  }

  @Test
  void aDeploymentThatIsNoLongerIstiodIsATombstone() {
    Deployment other = deployment(Map.of("app", "reviews"), container("reviews", "reviews:1"));

    assertThat(ControlPlaneMapper.map(other).writes())
        .containsExactly(
            Write.tombstone(Keys.of(DiscoveredKinds.CONTROL_PLANE, "istio-system", "istiod-1-11")));
  }

  @Test
  void statusChurnMapsToAnEqualRecord() {
    Deployment before = deployment(ISTIOD, container("discovery", "istio/pilot:1.22.0"));
    Deployment after =
        new DeploymentBuilder(before)
            .editMetadata()
            .withResourceVersion("42")
            .endMetadata()
            .withNewStatus()
            .withReadyReplicas(1)
            .withObservedGeneration(3L)
            .endStatus()
            .build();

    assertThat(ControlPlaneMapper.map(after)).isEqualTo(ControlPlaneMapper.map(before));
  }

  private static Container container(String name, String image) {
    return new ContainerBuilder().withName(name).withImage(image).build();
  }

  private static Deployment deployment(Map<String, String> labels, Container... containers) {
    return new DeploymentBuilder()
        .withMetadata(Fixtures.metadata("istio-system", "istiod-1-11", labels))
        .withNewSpec()
        .withNewTemplate()
        .withNewSpec()
        .withContainers(containers)
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
