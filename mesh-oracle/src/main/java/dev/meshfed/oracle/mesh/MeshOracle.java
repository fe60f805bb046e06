package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a request from a sidecar actually goes in a mesh of Istio clusters that share no control
 * plane, judged from every cluster's objects with the rules of Istio 1.11–1.24 (each rule in its
 * own class, citing the Istio source it follows): visibility, name resolution, endpoints, the
 * network filter, client TLS, the east-west gateway's passthrough, trust domains and authorization,
 * after the VirtualService HTTP route that sends the request to its destinations, if any applies.
 * Pure: it reads only the objects it is given.
 */
public final class MeshOracle {

  private final Map<String, ClusterModel> clusters = new LinkedHashMap<>();

  /** An oracle over the objects of each cluster, by cluster name. */
  public MeshOracle(Map<String, List<JsonNode>> objectsByCluster) {
    objectsByCluster.forEach(
        (name, objects) -> clusters.put(name, new ClusterModel(name, objects)));
  }

  public Set<String> clusters() {
    return clusters.keySet();
  }

  /** The clusters with an Istio control plane: where sidecars can call from. */
  public Set<String> meshClusters() {
    Set<String> mesh = new TreeSet<>();
    clusters.values().stream()
        .filter(c -> c.controlPlane().isPresent())
        .forEach(c -> mesh.add(c.name()));
    return mesh;
  }

  /** The Istio release of a cluster's control plane, if it runs one. */
  public java.util.Optional<IstioVersion> istioVersion(String cluster) {
    return clusters.get(cluster).controlPlane().map(ControlPlane::version);
  }

  /** The namespaces of a cluster: where requests can come from. */
  public Set<String> namespaces(String cluster) {
    return clusters.get(cluster).namespaces();
  }

  /** The namespaces of a cluster's east-west gateways (Services with a network label). */
  public Set<String> eastWestGatewayNamespaces(String cluster) {
    Set<String> namespaces = new TreeSet<>();
    clusters.get(cluster).ofKind("Service").stream()
        .filter(s -> Json.labels(s).containsKey(Workloads.NETWORK_LABEL))
        .forEach(s -> namespaces.add(Json.namespace(s)));
    return namespaces;
  }

  /** The Ready pods a cluster's Service selects: who should receive a request for it. */
  public Set<String> podsOf(String cluster, String namespace, String service) {
    ClusterModel model = clusters.get(cluster);
    Set<String> refs = new TreeSet<>();
    model.registry().stream()
        .filter(s -> s.isKubernetes() && s.namespace().equals(namespace))
        .filter(s -> s.name().equals(service))
        .flatMap(s -> s.selector().stream())
        .forEach(selector -> model.selected(namespace, selector).forEach(p -> refs.add(p.ref())));
    return refs;
  }

  public Route route(Request request) {
    ClusterModel client = clusters.get(request.cluster());
    if (client == null || client.controlPlane().isEmpty()) {
      return Route.blocked(
          request, Reason.NOT_IN_MESH, "cluster " + request.cluster() + " runs no istiod");
    }
    ControlPlane controlPlane = client.controlPlane().get();
    boolean byAddress = AddressedServices.isIp(request.host());
    List<MeshService> named =
        byAddress
            ? AddressedServices.matching(client.registry(), request.host(), request.port())
            : client.registry().stream().filter(s -> s.host().equals(request.host())).toList();
    if (named.isEmpty()) {
      return Route.blocked(
          request,
          Reason.UNKNOWN_HOST,
          byAddress
              ? "no ServiceEntry in cluster "
                  + client.name()
                  + " takes this address on this port (by its addresses)"
              : "no service or ServiceEntry in cluster " + client.name() + " has this host");
    }
    Optional<MeshService> visible =
        named.stream()
            .filter(s -> Visibility.visibleToSidecar(client, request.namespace(), s))
            .min(
                byAddress
                    ? AddressedServices.specificity(request.host(), request.port())
                        .thenComparing(ClusterModel.preference(request.namespace()))
                    : ClusterModel.preference(request.namespace()));
    if (visible.isEmpty()) {
      return Route.blocked(
          request,
          Reason.NOT_VISIBLE,
          named.stream().map(MeshService::ref).toList()
              + " not exported to namespace "
              + request.namespace()
              + " or not imported by its Sidecar");
    }
    MeshService service = visible.get();
    Optional<MeshPort> port = service.port(request.port());
    if (port.isEmpty()) {
      return Route.blocked(
          request, Reason.NO_ROUTE, service.ref() + " has no port " + request.port());
    }
    Optional<String> unresolvable =
        byAddress ? Optional.empty() : NameResolution.problem(controlPlane, service);
    if (unresolvable.isPresent()) {
      return Route.blocked(request, Reason.UNRESOLVABLE, unresolvable.get());
    }
    Optional<HttpRouting.Outcome> routed = HttpRouting.route(client, request, port.get());
    if (routed.isPresent()) {
      return new HttpRouteAction(clusters, client, request).apply(routed.get());
    }
    return new Delivery(clusters, request, client, service, port.get()).run();
  }

  /** Every request of a list, routed. */
  public List<Route> routes(List<Request> requests) {
    List<Route> routes = new ArrayList<>();
    requests.forEach(r -> routes.add(route(r)));
    return routes;
  }
}
