package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The endpoints istiod gives a service's port. A selector selects Ready pods (and WorkloadEntries)
 * only in the namespace the service or ServiceEntry is declared in (serviceentry/controller.go
 * buildServiceInstances, workloadinstances.ByServiceSelector); static endpoints are taken as
 * written.
 */
final class ServiceEndpoints {

  private ServiceEndpoints() {}

  static List<Endpoint> of(ClusterModel cluster, MeshService service, MeshPort port) {
    List<Endpoint> endpoints = new ArrayList<>();
    if (service.selector().isPresent()) {
      Map<String, String> selector = service.selector().get();
      for (Pod pod : cluster.selected(service.namespace(), selector)) {
        endpoints.add(Endpoint.of(pod, podPort(cluster, service, port, pod)));
      }
      for (JsonNode entry : cluster.ofKind("WorkloadEntry")) {
        if (Json.namespace(entry).equals(service.namespace())
            && Selectors.selects(selector, Json.stringMap(Json.at(entry, "spec", "labels")))) {
          endpoints.add(staticEndpoint(cluster, Json.spec(entry), port));
        }
      }
    } else {
      service.staticEndpoints().forEach(e -> endpoints.add(staticEndpoint(cluster, e, port)));
    }
    return endpoints;
  }

  /**
   * The port a selected pod gets. A Kubernetes Service: its numeric targetPort, or the container
   * port that a named targetPort names. A ServiceEntry (convertWorkloadInstanceToServiceInstance):
   * from 1.15 first the container port named as the entry's port, then targetPort, then number;
   * before 1.15 targetPort, then number.
   */
  static int podPort(ClusterModel cluster, MeshService service, MeshPort port, Pod pod) {
    String target = port.targetPort();
    if (service.isKubernetes()) {
      if (target.chars().allMatch(Character::isDigit) && !target.isEmpty()) {
        return Integer.parseInt(target);
      }
      return pod.containerPorts().getOrDefault(target, port.number());
    }
    boolean byName =
        cluster.controlPlane().map(cp -> cp.version().atLeast(1, 15)).orElse(true)
            && pod.containerPorts().containsKey(port.name());
    if (byName) {
      return pod.containerPorts().get(port.name());
    }
    return target.isEmpty() ? port.number() : Integer.parseInt(target);
  }

  /** Oracle rule 3: {@code ports[<port name>]}, else targetPort, else number (convertEndpoint). */
  private static Endpoint staticEndpoint(ClusterModel cluster, JsonNode endpoint, MeshPort port) {
    JsonNode named = endpoint.path("ports").path(port.name());
    int number =
        named.isNumber()
            ? named.asInt()
            : port.targetPort().isEmpty() ? port.number() : Integer.parseInt(port.targetPort());
    return new Endpoint(
        java.util.Optional.empty(),
        endpoint.path("address").asText(),
        number,
        Json.stringMap(endpoint.path("labels")),
        endpoint.path("network").asText(""),
        endpoint.path("serviceAccount").asText(""),
        Localities.ofEndpoint(endpoint, cluster.controlPlane().map(ControlPlane::version)));
  }
}
