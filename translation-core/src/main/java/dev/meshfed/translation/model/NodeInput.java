package dev.meshfed.translation.model;

import java.util.Map;

/**
 * A Node: its first address of each type (ExternalIP, InternalIP, Hostname), readiness, and its
 * topology.kubernetes.io region and zone (null where unlabelled).
 */
public record NodeInput(
    ObjectId id, Map<String, String> addresses, boolean ready, String region, String zone)
    implements Input {

  public NodeInput {
    addresses = Map.copyOf(addresses);
  }

  /** A node without topology labels. */
  public NodeInput(ObjectId id, Map<String, String> addresses, boolean ready) {
    this(id, addresses, ready, null, null);
  }

  /** Where other clusters can reach it: its ExternalIP, else its InternalIP. */
  public String reachableAddress() {
    return addresses.getOrDefault("ExternalIP", addresses.get("InternalIP"));
  }
}
