package dev.meshfed.discovery.model;

import dev.meshfed.schema.DiscoveredKinds;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One watched collection of Kubernetes objects, and the discovery kinds its objects publish. */
public enum Source {
  NAMESPACES(DiscoveredKinds.NAMESPACE),
  SERVICES(DiscoveredKinds.SERVICE, DiscoveredKinds.EAST_WEST_GATEWAY),
  ISTIOD_DEPLOYMENTS(DiscoveredKinds.CONTROL_PLANE),
  WORKSPACES(DiscoveredKinds.WORKSPACE),
  WORKSPACE_SETTINGS(DiscoveredKinds.WORKSPACE_SETTINGS),
  KUBERNETES_CLUSTERS(DiscoveredKinds.KUBERNETES_CLUSTER);

  private final List<String> kinds;

  Source(String... kinds) {
    this.kinds = List.of(kinds);
  }

  public List<String> kinds() {
    return kinds;
  }

  /** The source whose objects publish records of this discovery kind. */
  public static Optional<Source> publishing(String kind) {
    return Arrays.stream(values()).filter(source -> source.kinds.contains(kind)).findFirst();
  }

  /** Every discovery kind the sources publish, sorted (the Agent record lists them). */
  public static List<String> publishedKinds() {
    return Arrays.stream(values()).flatMap(source -> source.kinds.stream()).sorted().toList();
  }
}
