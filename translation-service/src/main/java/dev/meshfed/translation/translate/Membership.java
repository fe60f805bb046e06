package dev.meshfed.translation.translate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Which workspace each namespace belongs to, each workspace's plan, and the labels of each
 * registered cluster.
 */
public record Membership(
    SortedMap<ClusterNamespace, String> workspaceOf,
    SortedMap<String, WorkspacePlan> workspaces,
    SortedMap<String, Map<String, String>> clusterLabels,
    List<Diagnostic> diagnostics) {

  public Optional<WorkspacePlan> workspaceOf(String cluster, String namespace) {
    return Optional.ofNullable(workspaceOf.get(new ClusterNamespace(cluster, namespace)))
        .map(workspaces::get);
  }
}
