package dev.meshfed.translation.model;

import java.util.List;
import java.util.Map;

/** A Workspace: namespaces of clusters that form one tenant. */
public record WorkspaceInput(
    ObjectId id,
    String creationTimestamp,
    Map<String, String> labels,
    List<WorkloadClusters> workloadClusters,
    long generation,
    List<String> problems)
    implements Input {

  public WorkspaceInput {
    labels = Map.copyOf(labels);
    workloadClusters = List.copyOf(workloadClusters);
    problems = List.copyOf(problems);
  }

  /** A Workspace read without problems. */
  public WorkspaceInput(
      ObjectId id,
      String creationTimestamp,
      Map<String, String> labels,
      List<WorkloadClusters> workloadClusters,
      long generation) {
    this(id, creationTimestamp, labels, workloadClusters, generation, List.of());
  }

  /** A Workspace whose generation is unknown (0). */
  public WorkspaceInput(
      ObjectId id,
      String creationTimestamp,
      Map<String, String> labels,
      List<WorkloadClusters> workloadClusters) {
    this(id, creationTimestamp, labels, workloadClusters, 0);
  }

  /**
   * Clusters chosen by {@code name} (a cluster name or {@code *}; null: any) and by {@code
   * selector} (labels of the cluster's registration; empty: any), and their namespaces.
   */
  public record WorkloadClusters(
      String name, Map<String, String> selector, List<NamespaceSelector> namespaces) {

    public WorkloadClusters {
      selector = Map.copyOf(selector);
      namespaces = List.copyOf(namespaces);
    }
  }

  /** A namespace chosen by {@code name} (a name or {@code *}; null: any) and by its labels. */
  public record NamespaceSelector(String name, Map<String, String> labels) {

    public NamespaceSelector {
      labels = Map.copyOf(labels);
    }
  }
}
