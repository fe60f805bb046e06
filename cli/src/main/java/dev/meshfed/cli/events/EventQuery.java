package dev.meshfed.cli.events;

import dev.meshfed.schema.events.FederationEvent;
import java.util.Objects;

/** Which events a user asked for; a null field matches everything. */
public record EventQuery(String cluster, String workspace, String host) {

  public boolean matches(FederationEvent event) {
    return (cluster == null
            || cluster.equals(event.getSourceCluster())
            || cluster.equals(event.getTargetCluster()))
        && (workspace == null || workspace.equals(event.getWorkspace()))
        && (host == null || Objects.equals(host, event.getHost()));
  }
}
