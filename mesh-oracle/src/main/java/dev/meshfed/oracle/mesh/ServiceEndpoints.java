package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The endpoints istiod gives a service's port. A selector selects Ready pods (and WorkloadEntries,
 * see {@link WorkloadEntries}) only in the namespace the service or ServiceEntry is declared in
 * (serviceentry/controller.go buildServiceInstances, workloadinstances.ByServiceSelector); static
 * endpoints are taken as written. A ServiceEntry resolved by DNS with neither endpoints nor a
 * selector has its host as its one endpoint, at the port's targetPort, else its number, with
 * tlsMode disabled (serviceentry/conversion.go convertServiceEntryToInstances,
 * hostnameToServiceInstance; the ServiceEntry reference: "When resolution is set to type DNS and no
 * endpoints are specified, the host field will be used as the DNS name of the endpoint").
 */
final class ServiceEndpoints {

  private ServiceEndpoints() {}

  static List<Endpoint> of(ClusterModel cluster, MeshService service, MeshPort port) {
    List<Endpoint> endpoints = new ArrayList<>();
    if (service.selector().isPresent()) {
      for (Pod pod : cluster.selected(service.namespace(), service.selector().get())) {
        endpoints.add(Endpoint.of(pod, podPort(cluster, service, port, pod)));
      }
      endpoints.addAll(WorkloadEntries.selectedBy(cluster, service, port));
    } else if (service.staticEndpoints().isEmpty() && service.resolvesByDns()) {
      endpoints.add(hostAsEndpoint(service, port));
    } else {
      service
          .staticEndpoints()
          .forEach(e -> endpoints.add(addressed(cluster, e, entryPort(e, port))));
    }
    return endpoints;
  }

  private static Endpoint hostAsEndpoint(MeshService service, MeshPort port) {
    int number = port.targetPort().isEmpty() ? port.number() : Integer.parseInt(port.targetPort());
    return new Endpoint(
        java.util.Optional.empty(), service.host(), number, java.util.Map.of(), "", "", "");
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

  /**
   * Oracle rule 3, a ServiceEntry's port on one of its endpoints or WorkloadEntries: {@code
   * ports[<port name>]}, else targetPort, else number (convertEndpoint).
   */
  static int entryPort(JsonNode endpoint, MeshPort port) {
    JsonNode named = endpoint.path("ports").path(port.name());
    if (named.isNumber()) {
      return named.asInt();
    }
    return port.targetPort().isEmpty() ? port.number() : Integer.parseInt(port.targetPort());
  }

  /** A ServiceEntry endpoint or WorkloadEntry spec as an endpoint at {@code port}. */
  static Endpoint addressed(ClusterModel cluster, JsonNode endpoint, int port) {
    return new Endpoint(
        java.util.Optional.empty(),
        endpoint.path("address").asText(),
        port,
        Json.stringMap(endpoint.path("labels")),
        endpoint.path("network").asText(""),
        endpoint.path("serviceAccount").asText(""),
        Localities.ofEndpoint(endpoint, cluster.controlPlane().map(ControlPlane::version)));
  }
}
