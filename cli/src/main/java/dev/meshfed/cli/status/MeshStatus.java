package dev.meshfed.cli.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What `meshfed status` shows, computed from what was read, with no I/O.
 *
 * @param at when it was computed: ages are relative to it
 * @param groupedInputs every VirtualDestination, RouteTable, ExternalService and policy, with its
 *     status
 * @param problems every open problem, including those of no workspace
 * @param recompute translation's latest full recompute; empty when none was announced
 */
public record MeshStatus(
    Instant at,
    String managementCluster,
    List<ClusterStatus> clusters,
    List<WorkspaceStatus> workspaces,
    List<GroupedInputStatus> groupedInputs,
    List<Problem> problems,
    Optional<Recompute> recompute) {

  public static MeshStatus of(StatusInputs inputs, String managementCluster, Instant at) {
    List<Problem> problems = Problem.open(inputs.events());
    List<WorkspaceStatus> workspaces =
        WorkspaceStatus.of(managementCluster, inputs.clusters(), problems);
    return new MeshStatus(
        at,
        managementCluster,
        inputs.clusters().stream()
            .map(c -> ClusterStatus.of(c, inputs.translationGroupHasOffsets()))
            .toList(),
        workspaces,
        GroupedInputStatus.of(inputs.clusters(), workspaces),
        problems,
        Recompute.latest(inputs.events()));
  }

  /** Whether the management cluster has a discovered topic (else no workspace can be known). */
  public boolean knowsManagementCluster() {
    return clusters.stream().anyMatch(c -> c.name().equals(managementCluster));
  }
}
