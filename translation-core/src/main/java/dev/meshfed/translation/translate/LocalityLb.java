package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.FailoverPolicyInput;
import dev.meshfed.translation.model.FailoverPolicyInput.Locality;
import dev.meshfed.translation.model.FailoverPolicyInput.LocalityMapping;

/**
 * A FailoverPolicy as Istio's {@code loadBalancer.localityLbSetting}: weighted mappings as {@code
 * distribute}, unweighted ones as {@code failover} between regions (Istio's failover knows regions
 * only: zones and subZones are not used), {@code priorityLabels} as {@code failoverPriority} where
 * the cluster's Istio has it.
 */
final class LocalityLb {

  /** Istio 1.12 added failoverPriority (absent from 1.11's DestinationRule CRD). */
  static final int FAILOVER_PRIORITY_MINOR = 12;

  private LocalityLb() {}

  /** Whether a cluster's Istio reads failoverPriority; false where its version is unknown. */
  static boolean hasFailoverPriority(String istioVersion) {
    return IstioApi.atLeast(istioVersion, FAILOVER_PRIORITY_MINOR);
  }

  static ObjectNode loadBalancer(FailoverPolicyInput policy, String istioVersion) {
    ObjectNode setting = Manifests.objectNode();
    ObjectNode locality = setting.putObject("localityLbSetting");
    locality.put("enabled", true);
    boolean weighted = policy.localityMappings().stream().anyMatch(LocalityMapping::weighted);
    if (weighted) {
      ArrayNode distribute = locality.putArray("distribute");
      for (LocalityMapping mapping : policy.localityMappings()) {
        ObjectNode entry = distribute.addObject().put("from", locality(mapping.from()));
        ObjectNode to = entry.putObject("to");
        mapping.to().forEach(t -> to.put(locality(t), t.weight()));
      }
    } else if (!policy.localityMappings().isEmpty()) {
      ArrayNode failover = locality.putArray("failover");
      for (LocalityMapping mapping : policy.localityMappings()) {
        for (Locality to : mapping.to()) {
          failover.addObject().put("from", mapping.from().region()).put("to", to.region());
        }
      }
    }
    if (!policy.priorityLabels().isEmpty() && hasFailoverPriority(istioVersion)) {
      locality.set("failoverPriority", Manifests.strings(policy.priorityLabels()));
    }
    return setting;
  }

  /** Istio's locality pattern: {@code region/zone/subZone}, a missing tail as one {@code *}. */
  static String locality(Locality locality) {
    if (locality.zone() == null) {
      return locality.region() + "/*";
    }
    return locality.region()
        + "/"
        + locality.zone()
        + "/"
        + (locality.subZone() == null ? "*" : locality.subZone());
  }

  /** Whether one locality pattern covers (part of) the other: Istio allows no such pair. */
  static boolean overlap(Locality a, Locality b) {
    String[] left = locality(a).split("/");
    String[] right = locality(b).split("/");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      if (left[i].equals("*") || right[i].equals("*")) {
        return true;
      }
      if (!left[i].equals(right[i])) {
        return false;
      }
    }
    return true;
  }
}
