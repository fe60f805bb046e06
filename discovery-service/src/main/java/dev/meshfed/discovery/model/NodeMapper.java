package dev.meshfed.discovery.model;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.NodeState;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Node → kind Node: its addresses and readiness, which is all a NodePort east-west gateway needs,
 * and its region and zone, the locality of its pods. The rest of its status (heartbeats, capacity)
 * changes all the time and is left out, so that it publishes nothing.
 */
public final class NodeMapper {

  private NodeMapper() {}

  public static Mapping map(Node node) {
    NodeStatus status = Optional.ofNullable(node.getStatus()).orElseGet(NodeStatus::new);
    var state =
        new NodeState(
            addresses(status.getAddresses()),
            ready(status.getConditions()),
            Envelope.label(node, "topology.kubernetes.io/region"),
            Envelope.label(node, "topology.kubernetes.io/zone"));
    return Mapping.of(new Write(Keys.of(DiscoveredKinds.NODE, node), Envelope.wrap(node, state)));
  }

  /** The first address of each type. */
  private static Map<String, String> addresses(List<NodeAddress> addresses) {
    Map<String, String> byType = new TreeMap<>();
    for (NodeAddress address : Optional.ofNullable(addresses).orElse(List.of())) {
      if (address.getType() != null && address.getAddress() != null) {
        byType.putIfAbsent(address.getType(), address.getAddress());
      }
    }
    return byType;
  }

  private static boolean ready(List<NodeCondition> conditions) {
    return Optional.ofNullable(conditions).orElse(List.of()).stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
