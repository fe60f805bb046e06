package dev.meshfed.translation.topology;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.AgentState;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.translation.records.RecordFactory;
import dev.meshfed.translation.translate.Membership;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Tells the events topic when a cluster joins the mesh or leaves it: by its discovery-service's
 * Agent record, or by being removed from the mesh and let back.
 */
final class ClusterAnnouncements {

  private final InputIndex inputs;
  private final Forwarder forwarder;

  ClusterAnnouncements(InputIndex inputs, Forwarder forwarder) {
    this.inputs = inputs;
    this.forwarder = forwarder;
  }

  /**
   * A cluster joins when its first Agent record arrives, and leaves when it is tombstoned; a
   * cluster removed from the mesh does neither (it left when it was removed).
   */
  void inputChanged(
      InputIndex.Change change, DiscoveredObject value, Membership membership, long timestamp) {
    String cluster = change.id().cluster();
    if (!DiscoveredKinds.AGENT.equals(change.id().kind())
        || membership.removal(cluster).isPresent()) {
      return;
    }
    boolean joinedBefore = change.before().isPresent();
    if (!joinedBefore && value != null && value.getPayload() instanceof AgentState agent) {
      announce(cluster, RecordFactory.clusterJoined(cluster, agent), timestamp);
    } else if (joinedBefore && value == null) {
      announce(cluster, RecordFactory.clusterLeft(cluster), timestamp);
    }
  }

  /** A joined cluster leaves when it is removed from the mesh, and joins again when let back. */
  void membershipChanged(Membership before, Membership after, long timestamp) {
    SortedSet<String> changed = new TreeSet<>(before.removedClusters().keySet());
    changed.addAll(after.removedClusters().keySet());
    for (String cluster : changed) {
      Optional<String> removal = after.removal(cluster);
      if (before.removal(cluster).isPresent() == removal.isPresent()) {
        continue;
      }
      Optional<AgentState> agent = inputs.agentOf(cluster);
      if (agent.isEmpty()) {
        continue;
      }
      announce(
          cluster,
          removal.isPresent()
              ? RecordFactory.clusterRemoved(cluster, removal.get())
              : RecordFactory.clusterJoined(cluster, agent.get()),
          timestamp);
    }
  }

  private void announce(String cluster, Object event, long timestamp) {
    forwarder.forward(
        TranslationTopology.EVENTS_SINK, RecordFactory.clusterKey(cluster), event, timestamp);
  }
}
