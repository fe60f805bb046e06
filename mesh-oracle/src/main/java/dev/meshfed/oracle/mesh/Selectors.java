package dev.meshfed.oracle.mesh;

import java.util.Map;

/** Label selection as Kubernetes and Istio's workload selectors define it. */
final class Selectors {

  private Selectors() {}

  /** Whether {@code labels} has every label of {@code selector}; an empty selector selects all. */
  static boolean selects(Map<String, String> selector, Map<String, String> labels) {
    return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }
}
