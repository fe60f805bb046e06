package dev.meshfed.translation.model;

import java.util.Map;

/** A Node: its first address of each type (ExternalIP, InternalIP, Hostname) and readiness. */
public record NodeInput(ObjectId id, Map<String, String> addresses, boolean ready)
    implements Input {

  public NodeInput {
    addresses = Map.copyOf(addresses);
  }

  /** Where other clusters can reach it: its ExternalIP, else its InternalIP. */
  public String reachableAddress() {
    return addresses.getOrDefault("ExternalIP", addresses.get("InternalIP"));
  }
}
