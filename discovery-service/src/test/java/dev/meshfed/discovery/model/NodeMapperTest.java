package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.NodeState;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeMapperTest {

  @Test
  void mapsTheFirstAddressOfEachTypeAndReadiness() {
    Node node =
        new NodeBuilder()
            .withMetadata(Fixtures.metadata(null, "node-a", Map.of()))
            .withNewStatus()
            .addNewAddress("192.168.122.11", "InternalIP")
            .addNewAddress("192.168.122.99", "InternalIP")
            .addNewAddress("node-a.lab", "Hostname")
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .withLastHeartbeatTime("2026-11-22T10:00:00Z")
            .endCondition()
            .endStatus()
            .build();

    Mapping mapping = NodeMapper.map(node);

    assertThat(mapping.writes().get(0).key())
        .isEqualTo(Keys.of(DiscoveredKinds.NODE, "", "node-a"));
    assertThat(mapping.writes().get(0).value().getPayload())
        .isEqualTo(
            new NodeState(
                Map.of("InternalIP", "192.168.122.11", "Hostname", "node-a.lab"),
                true,
                null,
                null));
  }

  @Test
  void aHeartbeatAloneChangesNothingPublished() {
    NodeBuilder node =
        new NodeBuilder()
            .withMetadata(Fixtures.metadata(null, "node-a", Map.of()))
            .withNewStatus()
            .addNewCondition()
            .withType("Ready")
            .withStatus("False")
            .withLastHeartbeatTime("2026-11-22T10:00:00Z")
            .endCondition()
            .endStatus();
    Node later =
        new NodeBuilder(node.build())
            .editStatus()
            .editFirstCondition()
            .withLastHeartbeatTime("2026-11-22T10:00:40Z")
            .endCondition()
            .endStatus()
            .build();

    assertThat(NodeMapper.map(later).writes()).isEqualTo(NodeMapper.map(node.build()).writes());
    assertThat(((NodeState) NodeMapper.map(later).writes().get(0).value().getPayload()).getReady())
        .isFalse();
  }
}
