package dev.meshfed.translation.model;

import java.util.Map;

/** A KubernetesCluster: the registration of the cluster it is named after, and its labels. */
public record ClusterRegistrationInput(ObjectId id, Map<String, String> labels) implements Input {

  public ClusterRegistrationInput {
    labels = Map.copyOf(labels);
  }
}
