package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ObjectId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Which workspace each namespace belongs to, each workspace's plan, the labels of each registered
 * cluster, and the clusters removed from the mesh with why (nothing of theirs is federated, and
 * nothing goes to them).
 *
 * @param hostSuffixes every host suffix an object could be named by: the default, every plan's, and
 *     every one that WorkspaceSettings ask for, valid or not
 */
public record Membership(
    SortedMap<ClusterNamespace, String> workspaceOf,
    SortedMap<String, WorkspacePlan> workspaces,
    SortedMap<String, Map<String, String>> clusterLabels,
    SortedMap<String, String> removedClusters,
    SortedSet<String> hostSuffixes,
    List<Diagnostic> diagnostics) {

  /** Why a cluster is removed from the mesh; empty while it belongs to it. */
  public Optional<String> removal(String cluster) {
    return Optional.ofNullable(removedClusters.get(cluster));
  }

  /** The rule keeping out what a removed cluster gives or would get, about a subject. */
  public Optional<Exclusion> removalExclusion(String cluster, ObjectId subject) {
    return removal(cluster)
        .map(
            why ->
                new Exclusion(
                    Exclusion.Rule.CLUSTER_REMOVED,
                    subject,
                    "cluster " + cluster + " is removed from the mesh: " + why));
  }

  public Optional<WorkspacePlan> workspaceOf(String cluster, String namespace) {
    return Optional.ofNullable(workspaceOf.get(new ClusterNamespace(cluster, namespace)))
        .map(workspaces::get);
  }
}
