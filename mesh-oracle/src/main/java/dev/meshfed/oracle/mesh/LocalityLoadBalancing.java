package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The locality part of oracle rule 11 (§7): locality priorities apply only when the DestinationRule
 * the choosing proxy resolves has outlierDetection and does not disable locality load balancing
 * (getOutlierDetectionAndLoadBalancerSettings, ApplyLocalityLoadBalancer). Then each endpoint's
 * priority is 0 for the proxy's region, zone and subzone, 1 for its region and zone, 2 for its
 * region, 3 for any other, and 4 where a {@code failover} rule from the proxy's region names
 * another region than the endpoint's (applyLocalityFailover); with every endpoint healthy, Envoy
 * sends everything to the best priority. {@code distribute} and {@code failoverPriority} are not
 * modelled: they leave the endpoints as they are.
 */
final class LocalityLoadBalancing {

  private LocalityLoadBalancing() {}

  static List<NetworkFilter.Weighted> chosen(
      List<NetworkFilter.Weighted> endpoints,
      Optional<JsonNode> rule,
      Optional<JsonNode> subset,
      String proxyLocality) {
    JsonNode policy =
        subset
            .map(s -> s.path("trafficPolicy"))
            .filter(p -> p.has("outlierDetection"))
            .orElse(rule.map(r -> Json.spec(r).path("trafficPolicy")).orElse(Json.spec(missing())));
    JsonNode setting = policy.path("loadBalancer").path("localityLbSetting");
    boolean disabled = setting.path("enabled").isBoolean() && !setting.path("enabled").asBoolean();
    if (!policy.has("outlierDetection")
        || disabled
        || setting.has("distribute")
        || setting.has("failoverPriority")) {
      return endpoints;
    }
    int best =
        endpoints.stream()
            .mapToInt(e -> priority(proxyLocality, e.endpoint().locality(), setting))
            .min()
            .orElse(0);
    return endpoints.stream()
        .filter(e -> priority(proxyLocality, e.endpoint().locality(), setting) == best)
        .toList();
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
