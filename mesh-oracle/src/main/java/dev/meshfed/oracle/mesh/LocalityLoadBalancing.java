package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The locality part of oracle rule 11 (§7), as ApplyLocalityLoadBalancer applies the
 * DestinationRule the choosing proxy resolves, unless it disables locality load balancing: {@code
 * distribute} sets locality weights ({@link LocalityWeights}), with or without outlierDetection.
 * Otherwise priorities apply only with outlierDetection
 * (getOutlierDetectionAndLoadBalancerSettings): each endpoint's is 0 for the proxy's region, zone
 * and subzone, 1 for its region and zone, 2 for its region, 3 for any other, and 4 where a {@code
 * failover} rule from the proxy's region names another region than the endpoint's
 * (applyLocalityFailover); with {@code failoverPriority}, it is instead the number of labels from
 * the first whose value differs from the proxy's to the end (applyFailoverPriorities), and with
 * {@code failover} as well, that times 5 plus the locality priority (as 1.24 does). With every
 * endpoint healthy, Envoy sends everything to the best priority.
 */
final class LocalityLoadBalancing {

  /** The choosing proxy: its locality and its labels, topology labels included. */
  record Proxy(String locality, Map<String, String> labels, String cluster) {}

  private LocalityLoadBalancing() {}

  static List<NetworkFilter.Weighted> chosen(
      List<NetworkFilter.Weighted> endpoints,
      Optional<JsonNode> rule,
      Optional<JsonNode> subset,
      Proxy proxy) {
    JsonNode policy =
        subset
            .map(s -> s.path("trafficPolicy"))
            .filter(p -> p.has("outlierDetection"))
            .orElse(rule.map(r -> Json.spec(r).path("trafficPolicy")).orElse(Json.spec(missing())));
    JsonNode setting = policy.path("loadBalancer").path("localityLbSetting");
    boolean disabled = setting.path("enabled").isBoolean() && !setting.path("enabled").asBoolean();
    if (disabled) {
      return endpoints;
    }
    if (setting.path("distribute").size() > 0) {
      return LocalityWeights.apply(endpoints, setting.path("distribute"), proxy.locality());
    }
    if (!policy.has("outlierDetection")) {
      return endpoints;
    }
    List<Integer> priorities = new ArrayList<>();
    endpoints.forEach(e -> priorities.add(priority(proxy, e.endpoint(), setting)));
    int best = priorities.stream().mapToInt(Integer::intValue).min().orElse(0);
    List<NetworkFilter.Weighted> chosen = new ArrayList<>();
    for (int i = 0; i < endpoints.size(); i++) {
      if (priorities.get(i) == best) {
        chosen.add(endpoints.get(i));
      }
    }
    return chosen;
  }

  private static int priority(Proxy proxy, Endpoint endpoint, JsonNode setting) {
    JsonNode labels = setting.path("failoverPriority");
    if (labels.size() == 0) {
      return priority(proxy.locality(), endpoint.locality(), setting);
    }
    int byLabels = labelPriority(proxy, endpoint, labels);
    return setting.path("failover").size() == 0
        ? byLabels
        : byLabels * 5 + priority(proxy.locality(), endpoint.locality(), setting);
  }

  /** applyFailoverPriorities: labels past the first that differs from the proxy's count. */
  static int labelPriority(Proxy proxy, Endpoint endpoint, JsonNode failoverPriority) {
    Map<String, String> endpointLabels = TopologyLabels.ofEndpoint(endpoint, proxy.cluster());
    for (int i = 0; i < failoverPriority.size(); i++) {
      String key = failoverPriority.get(i).asText();
      if (!proxy.labels().getOrDefault(key, "").equals(endpointLabels.getOrDefault(key, ""))) {
        return failoverPriority.size() - i;
      }
    }
    return 0;
  }

  static int priority(String proxy, String endpoint, JsonNode setting) {
    String region = Localities.part(endpoint, 0);
    if (Localities.part(proxy, 0).equals(region)) {
      if (!Localities.part(proxy, 1).equals(Localities.part(endpoint, 1))) {
        return 2;
      }
      return Localities.part(proxy, 2).equals(Localities.part(endpoint, 2)) ? 0 : 1;
    }
    for (JsonNode failover : setting.path("failover")) {
      if (failover.path("from").asText().equals(Localities.part(proxy, 0))) {
        return failover.path("to").asText().equals(region) ? 3 : 4;
      }
    }
    return 3;
  }

  private static JsonNode missing() {
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
