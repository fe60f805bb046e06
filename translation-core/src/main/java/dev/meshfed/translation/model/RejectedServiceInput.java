package dev.meshfed.translation.model;

import java.util.List;

/**
 * A Service the Kubernetes API server would refuse ({@link ServiceValidation}): kept by its id so
 * that its translation can report it INVALID, and read as a Service by nothing, so that none of it
 * reaches Istio config.
 *
 * @param problems the refused fields, each as {@code PATH: WHY}
 */
public record RejectedServiceInput(ObjectId id, List<String> problems) implements Input {

  public RejectedServiceInput {
    problems = List.copyOf(problems);
  }
}
