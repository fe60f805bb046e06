package dev.meshfed.translation.model;

import java.util.List;

/** A Workspace: namespaces of clusters that form one tenant. */
public record WorkspaceInput(
    ObjectId id, String creationTimestamp, List<WorkloadClusters> workloadClusters)
    implements Input {

  public WorkspaceInput {
    workloadClusters = List.copyOf(workloadClusters);
  }

  /** {@code name} is a cluster name or {@code *}. */
  public record WorkloadClusters(String name, List<String> namespaces) {

    public WorkloadClusters {
      namespaces = List.copyOf(namespaces);
    }
  }
}
