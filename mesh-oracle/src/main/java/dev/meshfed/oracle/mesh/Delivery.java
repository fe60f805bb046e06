package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One request's way from the client's proxy to the pods: its endpoints after the network filter,
 * the client's TLS for each (rule 6), then each endpoint reached directly, through the gateway that
 * listens at its address, or, for a MESH_EXTERNAL service, out of the mesh ({@link
 * ExternalEgress}), down to the receiving pods' acceptance. Shares follow rule 11: equal across
 * endpoints in the client, equal across surviving pods at a gateway.
 */
final class Delivery {

  private final Map<String, ClusterModel> clusters;
  private final Request request;
  private final ClusterModel client;
  private final MeshService service;
  private final MeshPort port;
  private final Identity identity;
  private List<String> subjectAltNames = List.of();
  private TrafficPolicies.Tls tls = TrafficPolicies.Tls.NONE;
  private final List<Route.Arrival> arrivals = new ArrayList<>();
  private final List<Route.Blocked> blocked = new ArrayList<>();
  private final List<Route.Egress> egress = new ArrayList<>();

  Delivery(
      Map<String, ClusterModel> clusters,
      Request request,
      ClusterModel client,
      MeshService service,
      MeshPort port) {
    this.clusters = clusters;
    this.request = request;
    this.client = client;
    this.service = service;
    this.port = port;
    this.identity =
        new Identity(
            client.controlPlane().orElseThrow().trustDomain(),
            request.namespace(),
            request.serviceAccount());
  }

  Route run() {
    ControlPlane controlPlane = client.controlPlane().orElseThrow();
    Optional<JsonNode> rule = TrafficPolicies.destinationRule(client, request.namespace(), service);
    Optional<JsonNode> subset = Subsets.find(rule, request.subset());
    if (!request.subset().isEmpty() && subset.isEmpty()) {
      return Route.blocked(
          request,
          Reason.NO_ROUTE,
          "no DestinationRule visible in " + request.namespace() + " defines the subset");
    }
    tls = Subsets.tls(rule, subset, port.number());
    subjectAltNames = SubjectAltNames.verified(client, service, port, tls);
    String inferredMode =
        TrafficPolicies.peerAuthenticationMode(client, service.namespace(), Map.of());
    List<NetworkFilter.Weighted> endpoints =
        NetworkFilter.apply(
            client,
            client.networkOf(request.namespace()),
            Subsets.filter(endpoints(), subset),
            e -> MtlsChecker.enabled(e, tls, inferredMode, controlPlane.version()));
    endpoints =
        LocalityLoadBalancing.chosen(
            EnvoyHosts.of(endpoints),
            rule,
            subset,
            new LocalityLoadBalancing.Proxy(
                request.locality(),
                TopologyLabels.augment(
                    request.sourceLabels(),
                    request.locality(),
                    client.name(),
                    client.networkOf(request.namespace())),
                client.name()));
    if (endpoints.isEmpty()) {
      return Route.blocked(
          request, Reason.NO_ENDPOINTS, service.ref() + " has no endpoints in " + client.name());
    }
    double total = endpoints.stream().mapToDouble(NetworkFilter.Weighted::weight).sum();
    String sni =
        tls.sni()
            .orElse("outbound_." + port.number() + "_." + request.subset() + "_." + service.host());
    for (NetworkFilter.Weighted weighted : endpoints) {
      Endpoint endpoint = weighted.endpoint();
      boolean mtls = clientMtls(controlPlane, endpoint, inferredMode);
      deliver(endpoint, mtls, sni, weighted.weight() / total);
    }
    return new Route(
        request, List.copyOf(arrivals), List.copyOf(blocked), List.copyOf(egress), Route.Http.NONE);
  }

  /** The service's endpoints, or for an entry of resolution NONE the address dialled. */
  private List<Endpoint> endpoints() {
    List<Endpoint> endpoints = ServiceEndpoints.of(client, service, port);
    if (endpoints.isEmpty()) {
      AddressedServices.originalDestination(request, service).ifPresent(endpoints::add);
    }
    return endpoints;
  }

  /**
   * Rule 6: a DestinationRule's TLS mode decides (ISTIO_MUTUAL is Istio mTLS, any other is not);
   * without one, auto-mTLS sends mTLS only to endpoints labelled tlsMode istio, unless the
   * service's inferred mode is DISABLE or the service is MESH_EXTERNAL (applyUpstreamTLSSettings,
   * BestEffortInferServiceMTLSMode, buildAutoMtlsSettings).
   */
  private boolean clientMtls(ControlPlane controlPlane, Endpoint endpoint, String inferredMode) {
    if (tls.mode().isPresent()) {
      return tls.mode().get().equals("ISTIO_MUTUAL");
    }
    return controlPlane.autoMtls()
        && service.meshInternal()
        && "istio".equals(endpoint.tlsMode())
        && !"DISABLE".equals(inferredMode);
  }

  private void deliver(Endpoint endpoint, boolean mtls, String sni, double share) {
    if (endpoint.pod().isPresent()) {
      atPod(
          clusters.get(endpoint.pod().get().cluster()),
          endpoint.pod().get(),
          endpoint.port(),
          mtls,
          share);
      return;
    }
    if (ExternalEgress.leaves(clusters.values(), service, endpoint, mtls)) {
      Optional<String> failure = ExternalEgress.failure(tls, endpoint);
      if (failure.isPresent()) {
        block(Reason.ISTIO_MTLS_TO_EXTERNAL, failure.get(), share);
      } else {
        egress.add(ExternalEgress.of(tls, endpoint, share));
      }
      return;
    }
    toAddress(endpoint, mtls, sni, share, Set.of());
  }

  /**
   * A connection to an endpoint's address: into the cluster whose load balancer or node port it is,
   * unless that gateway is one the connection already crossed (a passthrough gateway forwards the
   * client's TLS with its SNI unchanged, so the next gateway chooses again: a cycle bounces).
   */
  void toAddress(Endpoint endpoint, boolean mtls, String sni, double share, Set<String> crossed) {
    for (ClusterModel cluster : clusters.values()) {
      Optional<Addresses.Exposed> exposed = cluster.exposedAt(endpoint.address(), endpoint.port());
      if (exposed.isPresent()) {
        String gateway = cluster.name() + "/" + PassthroughGateway.ref(exposed.get().service());
        if (crossed.contains(gateway)) {
          block(
              Reason.GATEWAY_LOOP,
              "forwarded back to " + gateway + ", which it already crossed (" + crossed + ")",
              share);
          return;
        }
        Set<String> path = new java.util.LinkedHashSet<>(crossed);
        path.add(gateway);
        new GatewayArrival(cluster, exposed.get(), this, path).arrive(mtls, sni, share);
        return;
      }
    }
    block(
        Reason.UNREACHABLE_ADDRESS,
        endpoint.address() + ":" + endpoint.port() + " is no pod, load balancer or node port",
        share);
  }

  /**
   * At the receiving pod: the client's check of the server's identity (SubjectAltNames), rules 9
   * and 10, then its share arrives.
   */
  void atPod(ClusterModel cluster, Pod pod, int podPort, boolean mtls, double share) {
    String mode = TrafficPolicies.peerAuthenticationMode(cluster, pod.namespace(), pod.labels());
    if (!mtls && mode.equals("STRICT")) {
      block(
          Reason.PLAINTEXT_REJECTED,
          pod.ref() + " requires mTLS (PeerAuthentication STRICT)",
          share);
      return;
    }
    String serverIdentity = SubjectAltNames.of(cluster, pod);
    if (mtls && !subjectAltNames.isEmpty() && !subjectAltNames.contains(serverIdentity)) {
      block(
          Reason.SAN_MISMATCH,
          "the client accepts only "
              + subjectAltNames
              + ", not "
              + pod.ref()
              + "'s "
              + serverIdentity,
          share);
      return;
    }
    if (mtls && !TrustDomains.accepts(cluster, identity.trustDomain())) {
      block(
          Reason.TRUST_DOMAIN_REJECTED,
          pod.ref()
              + " accepts trust domains "
              + cluster.controlPlane().map(ControlPlane::localTrustDomains).orElse(List.of())
              + ", not "
              + identity.trustDomain(),
          share);
      return;
    }
    Optional<Identity> peer = mtls ? Optional.of(identity) : Optional.empty();
    Optional<String> denial = Authorization.denial(cluster, pod, podPort, peer, request);
    if (denial.isPresent()) {
      block(Reason.DENIED, pod.ref() + ": " + denial.get(), share);
      return;
    }
    arrivals.add(new Route.Arrival(pod, share));
  }

  void block(Reason reason, String detail, double share) {
    blocked.add(new Route.Blocked(reason, detail, share));
  }
}
