package dev.meshfed.translation.model;

import java.util.List;
import java.util.Map;

/**
 * A KubernetesCluster: the registration of the cluster it is named after, its labels, and whether
 * it deregisters the cluster ({@code spec.removed}).
 */
public record ClusterRegistrationInput(
    ObjectId id,
    Map<String, String> labels,
    boolean removed,
    long generation,
    List<String> problems)
    implements Input {

  public ClusterRegistrationInput {
    labels = Map.copyOf(labels);
    problems = List.copyOf(problems);
  }

  /** A registration read without problems. */
  public ClusterRegistrationInput(
      ObjectId id, Map<String, String> labels, boolean removed, long generation) {
    this(id, labels, removed, generation, List.of());
  }

  /** A registration whose generation is unknown (0). */
  public ClusterRegistrationInput(ObjectId id, Map<String, String> labels, boolean removed) {
    this(id, labels, removed, 0);
  }
}
