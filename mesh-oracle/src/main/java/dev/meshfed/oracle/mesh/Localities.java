package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** Where workloads run, as Istio reads it: {@code region/zone/subzone}. */
final class Localities {

  static final String LOCALITY_LABEL = "istio-locality";

  private Localities() {}

  /** The {@code istio-locality} label ({@code region.zone.subzone}), or empty. */
  static String ofLabels(Map<String, String> labels) {
    String label = labels.getOrDefault(LOCALITY_LABEL, "");
    return label.replace('.', '/');
  }

  static String ofNodeLabels(Map<String, String> labels) {
    String region = labels.getOrDefault("topology.kubernetes.io/region", "");
    String zone = labels.getOrDefault("topology.kubernetes.io/zone", "");
    String subzone = labels.getOrDefault("topology.istio.io/subzone", "");
    return region.isEmpty() && zone.isEmpty() && subzone.isEmpty()
        ? ""
        : region + "/" + zone + "/" + subzone;
  }

  /**
   * A ServiceEntry endpoint's or WorkloadEntry's {@code locality}; from 1.20, when that is empty,
   * its {@code istio-locality} label.
   */
  static String ofEndpoint(JsonNode endpoint, Optional<IstioVersion> version) {
    String locality = endpoint.path("locality").asText("");
    if (!locality.isEmpty() || !version.map(v -> v.atLeast(1, 20)).orElse(true)) {
      return locality;
    }
    return ofLabels(Json.stringMap(endpoint.path("labels")));
  }

  /** The region, zone or subzone (index 0, 1, 2) of a locality; empty when not known. */
  static String part(String locality, int index) {
    String[] parts = locality.split("/", -1);
    return index < parts.length ? parts[index] : "";
  }
}
