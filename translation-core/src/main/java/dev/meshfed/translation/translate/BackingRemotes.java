package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.NodeInput;
import dev.meshfed.translation.model.ServiceInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * How the clients of other clusters reach each cluster backing a destination: its first reachable
 * east-west gateway, the locality of its nodes, the subsets its pods serve and the labels its pods
 * share for failover priorities.
 */
final class BackingRemotes {

  private BackingRemotes() {}

  /** Every backing cluster with a gateway; a warning for each other one where there are several. */
  static List<VirtualDestinationObjects.Remote> of(
      Map<String, ServiceInput> backing,
      SortedMap<String, Map<String, String>> subsets,
      SortedMap<Integer, DestinationPolicies.Contest> policies,
      MeshInputs inputs,
      Consumer<String> warnings) {
    List<VirtualDestinationObjects.Remote> remotes = new ArrayList<>();
    for (Map.Entry<String, ServiceInput> entry : backing.entrySet()) {
      String cluster = entry.getKey();
      Optional<ClusterMesh.Endpoint> endpoint =
          ClusterMesh.gateway(inputs, cluster).flatMap(g -> ClusterMesh.endpoint(inputs, g));
      if (endpoint.isEmpty()) {
        if (backing.size() > 1) {
          warnings.accept(
              "cluster "
                  + cluster
                  + " has no east-west gateway other clusters can reach, so its "
                  + entry.getValue().id().ref()
                  + " serves only its own clients");
        }
        continue;
      }
      remotes.add(
          new VirtualDestinationObjects.Remote(
              cluster,
              endpoint.get(),
              locality(cluster, inputs),
              RouteSubsets.served(entry.getValue(), subsets, inputs),
              PriorityLabels.of(
                  entry.getValue(), PriorityLabels.wanted(policies), inputs, warnings)));
    }
    return remotes;
  }

  /** A remote cluster's endpoint in the locality a consumer sees it in, where it says one. */
  static VirtualDestinationObjects.Remote seenIn(
      Optional<String> locality, VirtualDestinationObjects.Remote remote) {
    return locality.isEmpty()
        ? remote
        : new VirtualDestinationObjects.Remote(
            remote.cluster(),
            remote.endpoint(),
            locality,
            remote.served(),
            remote.priorityLabels());
  }

  /** region/zone of the cluster's first ready node (by name) that has a region. */
  private static Optional<String> locality(String cluster, MeshInputs inputs) {
    return inputs
        .inCluster(cluster, NodeInput.class)
        .filter(node -> node.ready() && node.region() != null && !node.region().isBlank())
        .findFirst()
        .map(node -> node.zone() == null ? node.region() : node.region() + "/" + node.zone());
  }
}
