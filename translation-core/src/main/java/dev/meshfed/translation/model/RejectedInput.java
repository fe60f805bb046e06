package dev.meshfed.translation.model;

import java.util.List;

/**
 * An input the Kubernetes API server would refuse ({@link KubernetesValidation}): a Service, a
 * Namespace or an east-west gateway whose names, ports, labels or selector it does not admit. Kept
 * by its id so that translation can report it INVALID, and read as its kind by nothing, so that
 * none of it reaches Istio config.
 *
 * @param problems the refused fields, each as {@code PATH: WHY}
 */
public record RejectedInput(ObjectId id, List<String> problems) implements Input {

  public RejectedInput {
    problems = List.copyOf(problems);
  }
}
