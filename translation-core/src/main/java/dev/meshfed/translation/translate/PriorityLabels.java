package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.FailoverPolicyInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.WorkloadInput;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The labels Istio's failoverPriority compares on another cluster's east-west gateway endpoint: the
 * client proxy's are its pod's, the endpoint's are the WorkloadEntry's or ServiceEntry endpoint's
 * (applyFailoverPriorities). meshfed writes there the value every pod behind that cluster's backing
 * service has; where they differ, or have none, the key is left off (a WARNING): one gateway
 * endpoint stands for all of them. Istio derives the topology labels itself (from the endpoint's
 * locality, network and the reading istiod's cluster: AugmentLabels), so they are never written.
 */
final class PriorityLabels {

  private PriorityLabels() {}

  /** The priority labels of the failover policies that win on the destination, on any port. */
  static SortedSet<String> wanted(SortedMap<Integer, DestinationPolicies.Contest> policies) {
    SortedSet<String> keys = new TreeSet<>();
    policies
        .values()
        .forEach(
            contest ->
                contest
                    .failover()
                    .map(FailoverPolicyInput::priorityLabels)
                    .ifPresent(keys::addAll));
    keys.removeAll(FailoverCheck.LOCALITY_LABELS);
    keys.remove(FailoverCheck.CLUSTER_LABEL);
    keys.remove("topology.istio.io/network");
    return keys;
  }

  /** The uniform values of {@code keys} on the pods behind a remote cluster's backing service. */
  static Map<String, String> of(
      ServiceInput service, Collection<String> keys, MeshInputs inputs, Consumer<String> warnings) {
    SortedMap<String, String> values = new TreeMap<>();
    if (keys.isEmpty()) {
      return values;
    }
    List<Map<String, String>> pods =
        SelectedWorkloads.of(inputs, service).stream().map(WorkloadInput::podLabels).toList();
    for (String key : keys) {
      SortedSet<String> seen = new TreeSet<>();
      pods.forEach(labels -> seen.add(labels.getOrDefault(key, "")));
      if (seen.size() == 1 && !seen.first().isEmpty()) {
        values.put(key, seen.first());
      } else {
        warnings.accept(
            "priority label "
                + key
                + " is left off cluster "
                + service.id().cluster()
                + "'s east-west gateway endpoint: the pods behind "
                + service.id().ref()
                + (seen.isEmpty() || seen.equals(new TreeSet<>(List.of("")))
                    ? " do not carry it"
                    : " do not all carry one value (" + String.join(", ", seen) + ")")
                + ", so Istio compares the other clusters' clients' values with none there");
      }
    }
    return values;
  }
}
