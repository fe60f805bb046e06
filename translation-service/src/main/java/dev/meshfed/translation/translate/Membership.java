package dev.meshfed.translation.translate;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** Which workspace each namespace belongs to, and each workspace's plan. */
public record Membership(
    SortedMap<ClusterNamespace, String> workspaceOf,
    SortedMap<String, WorkspacePlan> workspaces,
    List<Diagnostic> diagnostics) {

  public Optional<WorkspacePlan> workspaceOf(String cluster, String namespace) {
    return Optional.ofNullable(workspaceOf.get(new ClusterNamespace(cluster, namespace)))
        .map(workspaces::get);
  }
}
