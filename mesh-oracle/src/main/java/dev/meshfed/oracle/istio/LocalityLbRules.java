package dev.meshfed.oracle.istio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Istio's webhook rules for a traffic policy's {@code loadBalancer.localityLbSetting}, after
 * validateLocalityLbSetting and validateLocalities (pkg/config/validation/validation.go, 1.24): not
 * {@code distribute} and {@code failover} together, no topology label in {@code failoverPriority}
 * next to {@code failover}, each distribute entry's weights from 1 to 100 and 100 in all, locality
 * patterns with at most one {@code *}, at the end, none overlapping another of its list, and
 * failover between two different regions without {@code /} or {@code *}.
 */
final class LocalityLbRules {

  private static final Set<String> TOPOLOGY_LABELS =
      Set.of(
          "topology.kubernetes.io/region",
          "topology.kubernetes.io/zone",
          "topology.istio.io/subzone");

  private LocalityLbRules() {}

  static void localityLbSetting(String field, JsonNode setting, FieldErrors errors) {
    JsonNode distribute = setting.path("distribute");
    JsonNode failover = setting.path("failover");
    if (distribute.size() > 0 && failover.size() > 0) {
      errors.forbidden(field, "can not simultaneously specify 'distribute' and 'failover'");
      return;
    }
    if (failover.size() > 0) {
      for (JsonNode label : setting.path("failoverPriority")) {
        if (TOPOLOGY_LABELS.contains(label.asText())) {
          errors.invalid(
              field + ".failoverPriority",
              label.asText(),
              "can not simultaneously set 'failover' and topology label '"
                  + label.asText()
                  + "' in 'failover_priority'");
          return;
        }
      }
    }
    List<String> froms = new ArrayList<>();
    for (int i = 0; i < distribute.size(); i++) {
      String entry = field + ".distribute[" + i + "]";
      froms.add(distribute.get(i).path("from").asText());
      List<String> tos = new ArrayList<>();
      int total = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = distribute.get(i).path("to").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> to = it.next();
        tos.add(to.getKey());
        int weight = to.getValue().asInt();
        if (weight <= 0 || weight > 100) {
          errors.invalid(entry + ".to", weight, "locality weight must be in range [1, 100]");
          return;
        }
        total += weight;
      }
      if (total != 100) {
        errors.invalid(entry + ".to", total, "total locality weight " + total + " != 100");
        return;
      }
      localities(entry + ".to", tos, errors);
    }
    localities(field + ".distribute", froms, errors);
    for (int i = 0; i < failover.size(); i++) {
      String from = failover.get(i).path("from").asText();
      String to = failover.get(i).path("to").asText();
      String entry = field + ".failover[" + i + "]";
      if (from.equals(to)) {
        errors.invalid(entry, from, "locality lb failover settings must specify different regions");
      }
      if (from.contains("/") || to.contains("/")) {
        errors.invalid(entry, from + "->" + to, "locality lb failover only specify region");
      }
      if (from.contains("*") || to.contains("*")) {
        errors.invalid(
            entry, from + "->" + to, "locality lb failover region should not contain '*' wildcard");
      }
    }
  }

  /** validateLocalities: one trailing {@code *} at most, and no pattern within another. */
  private static void localities(String field, List<String> localities, FieldErrors errors) {
    for (int i = 0; i < localities.size(); i++) {
      String locality = localities.get(i);
      long stars = locality.chars().filter(c -> c == '*').count();
      if (stars > 1 || (stars == 1 && !locality.endsWith("*"))) {
        errors.invalid(
            field,
            locality,
            "locality "
                + locality
                + " wildcard '*' number can not exceed 1 and must be in the end");
        return;
      }
      for (int k = 0; k < i; k++) {
        if (overlap(localities.get(k), locality)) {
          errors.invalid(
              field, locality, "locality " + locality + " overlap with previous specified ones");
          return;
        }
      }
    }
  }

  private static boolean overlap(String a, String b) {
    String[] left = a.split("/", -1);
    String[] right = b.split("/", -1);
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
