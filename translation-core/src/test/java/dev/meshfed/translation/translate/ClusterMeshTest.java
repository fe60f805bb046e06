package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which east-west gateway other clusters reach a cluster through. */
class ClusterMeshTest {

  @Test
  void aGatewayWithAnAddressOrPortNoneCanReachIsPassedOver() {
    MeshInputs inputs =
        MeshInputs.of(
            List.of(
                gateway("a-bad-address", "not an address", 15443),
                gateway("a-no-ip", "999.1.1.1", 15443),
                gateway("b-bad-port", "10.0.0.2", 65536),
                gateway("c-no-port", "10.0.0.3", null),
                gateway("d-usable", "eastwest.example.com", 15443)));

    assertThat(ClusterMesh.gateway(inputs, "c1"))
        .get()
        .extracting(g -> g.id().name())
        .isEqualTo("d-usable");
  }

  @Test
  void aGatewayWhoseSelectorKubernetesWouldRefuseIsNoGateway() {
    EastWestGatewayInput refused =
        new EastWestGatewayInput(
            new ObjectId("c1", "EastWestGateway", "istio-system", "eastwest"),
            Map.of(),
            Map.of("version", "-dash"),
            "10.0.0.1",
            15443,
            null,
            null);

    assertThat(ClusterMesh.gateway(MeshInputs.of(List.of(refused)), "c1")).isEmpty();
  }

  private static EastWestGatewayInput gateway(String name, String address, Integer tlsPort) {
    return new EastWestGatewayInput(
        new ObjectId("c1", "EastWestGateway", "istio-system", name),
        Map.of(),
        Map.of("istio", "eastwestgateway"),
        address,
        tlsPort,
        null,
        null);
  }
}
