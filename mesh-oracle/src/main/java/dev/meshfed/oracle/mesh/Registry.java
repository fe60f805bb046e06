package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A cluster's service registry: its Kubernetes Services and every host of its ServiceEntries. */
final class Registry {

  private static final String EXPORT_TO_ANNOTATION = "networking.istio.io/exportTo";

  private Registry() {}

  static List<MeshService> services(String cluster, List<JsonNode> objects) {
    List<MeshService> services = new ArrayList<>();
    for (JsonNode object : objects) {
      switch (Json.kind(object)) {
        case "Service" -> services.add(kubernetes(cluster, object));
        case "ServiceEntry" -> services.addAll(serviceEntry(cluster, object));
        default -> {}
      }
    }
    return services;
  }

  private static MeshService kubernetes(String cluster, JsonNode service) {
    List<MeshPort> ports = new ArrayList<>();
    for (JsonNode port : Json.spec(service).path("ports")) {
      if (!"UDP".equalsIgnoreCase(port.path("protocol").asText("TCP"))) {
        String name = port.path("name").asText("");
        String protocol = port.path("appProtocol").asText(name.split("-")[0]);
        ports.add(
            new MeshPort(
                port.path("port").asInt(),
                name,
                protocol.toUpperCase(),
                port.path("targetPort").asText(port.path("port").asText())));
      }
    }
    String exportTo =
        Json.stringMap(Json.at(service, "metadata", "annotations"))
            .getOrDefault(EXPORT_TO_ANNOTATION, "");
    Map<String, String> selector = Json.stringMap(Json.spec(service).path("selector"));
    String namespace = Json.namespace(service);
    return new MeshService(
        cluster,
        namespace,
        Json.name(service),
        MeshService.KUBERNETES,
        Json.name(service) + "." + namespace + ".svc.cluster.local",
        ports,
        exportTo.isEmpty()
            ? List.of()
            : Arrays.stream(exportTo.split(",")).map(String::trim).toList(),
        true,
        "",
        List.of(),
        selector.isEmpty() ? Optional.empty() : Optional.of(selector),
        List.of(),
        List.of(),
        Json.text(service, "metadata", "creationTimestamp"));
  }

  private static List<MeshService> serviceEntry(String cluster, JsonNode entry) {
    JsonNode spec = Json.spec(entry);
    List<MeshPort> ports = new ArrayList<>();
    for (JsonNode port : spec.path("ports")) {
      ports.add(
          new MeshPort(
              port.path("number").asInt(),
              port.path("name").asText(""),
              port.path("protocol").asText("").toUpperCase(),
              port.has("targetPort") ? port.path("targetPort").asText() : ""));
    }
    Optional<Map<String, String>> selector =
        spec.has("workloadSelector")
            ? Optional.of(Json.stringMap(Json.at(spec, "workloadSelector", "labels")))
            : Optional.empty();
    List<JsonNode> endpoints = new ArrayList<>();
    spec.path("endpoints").forEach(endpoints::add);
    List<MeshService> services = new ArrayList<>();
    for (String host : Json.strings(spec.path("hosts"))) {
      services.add(
          new MeshService(
              cluster,
              Json.namespace(entry),
              Json.name(entry),
              MeshService.SERVICE_ENTRY,
              host,
              ports,
              Json.strings(spec.path("exportTo")),
              "MESH_INTERNAL".equals(spec.path("location").asText("MESH_EXTERNAL")),
              spec.path("resolution").asText("NONE"),
              Json.strings(spec.path("addresses")),
              selector,
              endpoints,
              Json.strings(spec.path("subjectAltNames")),
              Json.text(entry, "metadata", "creationTimestamp")));
    }
    return services;
  }
}
