package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.FailoverPolicyInput;
import dev.meshfed.translation.model.FailoverPolicyInput.Locality;
import dev.meshfed.translation.model.FailoverPolicyInput.LocalityMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes a FailoverPolicy's settings invalid, each naming its field. Weighted mappings become
 * Istio's {@code distribute}, unweighted ones its {@code failover}, and {@code priorityLabels} its
 * {@code failoverPriority}; these are Istio's own validation rules for them
 * (validateLocalityLbSetting and validateLocalities, 1.24), and what Istio would silently ignore.
 */
final class FailoverCheck {

  private static final String MAPPINGS = "spec.config.localityMappings";

  /** Labels Istio sets on every endpoint from its locality, and on the client proxy. */
  static final Set<String> LOCALITY_LABELS =
      Set.of(
          "topology.kubernetes.io/region",
          "topology.kubernetes.io/zone",
          "topology.istio.io/subzone");

  /**
   * Istio labels every endpoint of a ServiceEntry or WorkloadEntry with the cluster of the istiod
   * reading it (AugmentLabels), so the other clusters' gateways would match the client's cluster.
   */
  static final String CLUSTER_LABEL = "topology.istio.io/cluster";

  private FailoverCheck() {}

  static List<String> problems(FailoverPolicyInput policy) {
    List<String> problems = new ArrayList<>();
    List<LocalityMapping> mappings = policy.localityMappings();
    if (mappings.isEmpty() && policy.priorityLabels().isEmpty()) {
      problems.add(MAPPINGS + ": needs at least one mapping, or spec.config.priorityLabels");
    }
    int firstWeighted = -1;
    int firstUnweighted = -1;
    for (int i = 0; i < mappings.size(); i++) {
      LocalityMapping mapping = mappings.get(i);
      String path = MAPPINGS + "[" + i + "]";
      if (mapping.weighted()) {
        firstWeighted = firstWeighted < 0 ? i : firstWeighted;
      } else {
        firstUnweighted = firstUnweighted < 0 ? i : firstUnweighted;
      }
      locality(path + ".from", mapping.from(), problems);
      if (mapping.to().isEmpty()) {
        problems.add(path + ".to: needs at least one locality");
      }
      for (int j = 0; j < mapping.to().size(); j++) {
        Locality to = mapping.to().get(j);
        locality(path + ".to[" + j + "]", to, problems);
        if (!mapping.weighted()
            && !blank(to.region())
            && to.region().equals(mapping.from().region())) {
          problems.add(path + ".to[" + j + "].region: fails over to its own region");
        }
      }
      if (mapping.weighted()) {
        weights(path, mapping, problems);
      }
    }
    if (firstWeighted >= 0 && firstUnweighted >= 0) {
      problems.add(
          MAPPINGS
              + "["
              + Math.max(firstWeighted, firstUnweighted)
              + "]: mixes weighted mappings (Istio's distribute) with unweighted ones (its"
              + " failover), which Istio does not allow in one DestinationRule; weigh all or none");
    }
    overlaps(mappings, problems);
    priorityLabels(policy, firstWeighted >= 0, firstUnweighted >= 0, problems);
    return problems;
  }

  private static void locality(String path, Locality locality, List<String> problems) {
    if (blank(locality.region())) {
      problems.add(path + ".region: needs a region");
    }
    if (locality.subZone() != null && blank(locality.zone())) {
      problems.add(path + ".subZone: needs a zone");
    }
    for (String part : new String[] {locality.region(), locality.zone(), locality.subZone()}) {
      if (part != null && (part.contains("/") || part.contains("*"))) {
        problems.add(path + ": '" + part + "' may not contain '/' or '*'");
      }
    }
  }

  /** Istio: every weight from 1 to 100, and 100 in all; here also all weighted or none. */
  private static void weights(String path, LocalityMapping mapping, List<String> problems) {
    int total = 0;
    for (int j = 0; j < mapping.to().size(); j++) {
      Integer weight = mapping.to().get(j).weight();
      String at = path + ".to[" + j + "].weight";
      if (weight == null) {
        problems.add(at + ": needs a weight, as other localities of the mapping have one");
      } else if (weight < 1 || weight > 100) {
        problems.add(at + ": must be from 1 to 100, not " + weight);
      } else {
        total += weight;
      }
    }
    boolean allInRange =
        mapping.to().stream()
            .allMatch(t -> t.weight() != null && t.weight() >= 1 && t.weight() <= 100);
    if (allInRange && total != 100) {
      problems.add(path + ".to: the weights add up to " + total + ", not 100");
    }
  }

  /** Istio refuses overlapping localities among distribute's froms, and among one's tos. */
  private static void overlaps(List<LocalityMapping> mappings, List<String> problems) {
    for (int i = 0; i < mappings.size(); i++) {
      LocalityMapping mapping = mappings.get(i);
      if (!mapping.weighted()) {
        continue;
      }
      for (int k = 0; k < i; k++) {
        if (mappings.get(k).weighted()
            && LocalityLb.overlap(mappings.get(k).from(), mapping.from())) {
          problems.add(MAPPINGS + "[" + i + "].from: overlaps " + MAPPINGS + "[" + k + "].from");
        }
      }
      for (int j = 0; j < mapping.to().size(); j++) {
        for (int k = 0; k < j; k++) {
          if (LocalityLb.overlap(mapping.to().get(k), mapping.to().get(j))) {
            problems.add(MAPPINGS + "[" + i + "].to[" + j + "]: overlaps to[" + k + "]");
          }
        }
      }
    }
  }

  private static void priorityLabels(
      FailoverPolicyInput policy, boolean distribute, boolean failover, List<String> problems) {
    List<String> labels = policy.priorityLabels();
    if (labels.isEmpty()) {
      return;
    }
    String path = "spec.config.priorityLabels";
    if (distribute) {
      problems.add(
          path
              + ": Istio ignores failoverPriority where weighted localityMappings (distribute) are"
              + " set");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      String at = path + "[" + i + "]";
      if (blank(label)) {
        problems.add(at + ": needs a label key");
      } else if (!seen.add(label)) {
        problems.add(at + ": '" + label + "' is named twice");
      } else if (label.equals(CLUSTER_LABEL)) {
        problems.add(
            at
                + ": Istio gives the other clusters' east-west gateways the client's own "
                + CLUSTER_LABEL
                + ", so it cannot prefer a cluster; use topology.kubernetes.io/region or zone");
      } else if (failover && LOCALITY_LABELS.contains(label)) {
        problems.add(
            at + ": Istio refuses topology label '" + label + "' with unweighted localityMappings");
      }
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
