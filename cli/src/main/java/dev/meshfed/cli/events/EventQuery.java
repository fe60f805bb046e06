package dev.meshfed.cli.events;

import java.util.Set;

/**
 * Which events a user asked for; a null field (or an empty set of types) matches everything.
 *
 * @param types event type names (HostFederated, ApplyFailed, ...)
 */
public record EventQuery(String cluster, String workspace, String host, Set<String> types) {

  public EventQuery(String cluster, String workspace, String host) {
    this(cluster, workspace, host, Set.of());
  }

  public boolean matches(EventView event) {
    return (cluster == null || event.clusters().contains(cluster))
        && (workspace == null || event.workspace().filter(workspace::equals).isPresent())
        && (host == null || event.host().filter(host::equals).isPresent())
        && (types.isEmpty() || types.contains(event.type()));
  }
}
