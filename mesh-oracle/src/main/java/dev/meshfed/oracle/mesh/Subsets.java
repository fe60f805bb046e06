package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Oracle rule 4: a subset is a DestinationRule's named label set; its cluster keeps only the
 * endpoints whose labels include the subset's (endpoint_builder.go; 1.11
 * buildLocalityLbEndpointsFromShards), and a subset's own traffic policy TLS comes first.
 */
final class Subsets {

  private Subsets() {}

  /** The subset named {@code name} in a DestinationRule, if it declares one. */
  static Optional<JsonNode> find(Optional<JsonNode> rule, String name) {
    if (rule.isEmpty()) {
      return Optional.empty();
    }
    for (JsonNode subset : Json.spec(rule.get()).path("subsets")) {
      if (subset.path("name").asText().equals(name)) {
        return Optional.of(subset);
      }
    }
    return Optional.empty();
  }

  /** The endpoints of a subset ({@code subset} empty: all of them). */
  static List<Endpoint> filter(List<Endpoint> endpoints, Optional<JsonNode> subset) {
    if (subset.isEmpty()) {
      return endpoints;
    }
    Map<String, String> labels = Json.stringMap(subset.get().path("labels"));
    return endpoints.stream().filter(e -> Selectors.selects(labels, e.labels())).toList();
  }

  /** The TLS settings for a port: the subset's traffic policy if it sets TLS, else the rule's. */
  static TrafficPolicies.Tls tls(Optional<JsonNode> rule, Optional<JsonNode> subset, int port) {
    if (subset.isPresent() && subset.get().path("trafficPolicy").has("tls")) {
      return TrafficPolicies.tls(subset.get().path("trafficPolicy").path("tls"));
    }
    return TrafficPolicies.tls(rule, port);
  }
}
