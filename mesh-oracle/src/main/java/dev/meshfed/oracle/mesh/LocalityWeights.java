package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DestinationRule's {@code distribute} for one proxy (applyLocalityWeight, 1.11-1.24): the first
 * entry whose {@code from} matches the proxy's locality decides. Each of its {@code to} patterns,
 * in turn, takes the endpoints' localities it matches that no earlier one took, and gives them its
 * weight, split by their own weights (the sum of their endpoints'; rounded up); endpoints in a
 * locality no pattern takes are dropped. Envoy then shares requests among localities by weight and
 * within one by endpoint weight. Without a matching entry nothing changes.
 */
final class LocalityWeights {

  private LocalityWeights() {}

  static List<NetworkFilter.Weighted> apply(
      List<NetworkFilter.Weighted> endpoints, JsonNode distribute, String proxyLocality) {
    JsonNode entry = null;
    for (JsonNode candidate : distribute) {
      if (matches(candidate.path("from").asText(), proxyLocality)) {
        entry = candidate;
        break;
      }
    }
    if (entry == null) {
      return endpoints;
    }
    Map<String, List<NetworkFilter.Weighted>> byLocality = new LinkedHashMap<>();
    endpoints.forEach(
        e ->
            byLocality
                .computeIfAbsent(key(e.endpoint().locality()), k -> new ArrayList<>())
                .add(e));
    List<NetworkFilter.Weighted> weighted = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> to = entry.path("to").fields(); to.hasNext(); ) {
      Map.Entry<String, JsonNode> pattern = to.next();
      Map<String, List<NetworkFilter.Weighted>> taken = new LinkedHashMap<>();
      byLocality
          .entrySet()
          .removeIf(
              locality -> {
                if (matches(pattern.getKey(), locality.getKey())) {
                  taken.put(locality.getKey(), locality.getValue());
                  return true;
                }
                return false;
              });
      double total = taken.values().stream().mapToDouble(LocalityWeights::sum).sum();
      taken
          .values()
          .forEach(
              group -> {
                double weight = Math.ceil(sum(group) * pattern.getValue().asInt() / total);
                group.forEach(
                    e ->
                        weighted.add(
                            new NetworkFilter.Weighted(
                                e.endpoint(), weight * e.weight() / sum(group), e.viaGateway())));
              });
    }
    return weighted;
  }

  /** Istio's LocalityMatch: each part of the pattern equal, {@code *} or (zone, subzone) absent. */
  static boolean matches(String pattern, String locality) {
    String[] parts = pattern.split("/", -1);
    for (int i = 0; i < 3; i++) {
      String part = i < parts.length ? parts[i] : "";
      boolean optional = i > 0 && part.isEmpty();
      if (!part.equals("*") && !optional && !part.equals(Localities.part(locality, i))) {
        return false;
      }
    }
    return true;
  }

  private static String key(String locality) {
    return Localities.part(locality, 0)
        + "/"
        + Localities.part(locality, 1)
        + "/"
        + Localities.part(locality, 2);
  }

  private static double sum(List<NetworkFilter.Weighted> group) {
    return group.stream().mapToDouble(NetworkFilter.Weighted::weight).sum();
  }
}
