package dev.meshfed.testbed.scenario;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One step of a scenario: the complete input state of every cluster, by cluster name (sorted),
 * objects in file order.
 */
public record Step(String name, Map<String, List<GenericKubernetesResource>> objectsByCluster) {

  public Step {
    TreeMap<String, List<GenericKubernetesResource>> copy = new TreeMap<>();
    objectsByCluster.forEach((cluster, objects) -> copy.put(cluster, List.copyOf(objects)));
    objectsByCluster = Collections.unmodifiableMap(copy);
  }
}
