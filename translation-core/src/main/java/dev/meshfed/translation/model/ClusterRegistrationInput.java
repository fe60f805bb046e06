package dev.meshfed.translation.model;

import java.util.Map;

/**
 * A KubernetesCluster: the registration of the cluster it is named after, its labels, and whether
 * it deregisters the cluster ({@code spec.removed}).
 */
public record ClusterRegistrationInput(
    ObjectId id, Map<String, String> labels, boolean removed, long generation) implements Input {

  public ClusterRegistrationInput {
    labels = Map.copyOf(labels);
  }

  /** A registration whose generation is unknown (0). */
  public ClusterRegistrationInput(ObjectId id, Map<String, String> labels, boolean removed) {
    this(id, labels, removed, 0);
  }
}
