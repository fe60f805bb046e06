package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rules 7 and 8, a connection arriving at a Service exposed outside its cluster (an east-west
 * gateway): a Gateway server must listen on the port; AUTO_PASSTHROUGH takes only mTLS whose SNI
 * names a cluster it builds; that cluster's endpoints pass the network and mTLS filters (eds.go /
 * endpoint_builder.go) as the gateway's istiod sees them, and the connection's share is split
 * equally across them, each still judged by the receiving pod; an endpoint that is an address (a
 * WorkloadEntry or static endpoint) gets the client's TLS as it came, SNI and all.
 */
final class GatewayArrival {

  private final ClusterModel cluster;
  private final Addresses.Exposed exposed;
  private final Delivery delivery;
  private final Set<String> crossed;

  /** {@code crossed}: the gateways the connection went through, this one last. */
  GatewayArrival(
      ClusterModel cluster, Addresses.Exposed exposed, Delivery delivery, Set<String> crossed) {
    this.cluster = cluster;
    this.exposed = exposed;
    this.delivery = delivery;
    this.crossed = crossed;
  }

  void arrive(boolean mtls, String sni, double share) {
    JsonNode service = exposed.service();
    String where = cluster.name() + "/" + PassthroughGateway.ref(service);
    Map<String, String> selector = Json.stringMap(Json.spec(service).path("selector"));
    List<Pod> pods =
        selector.isEmpty() ? List.of() : cluster.selected(Json.namespace(service), selector);
    if (pods.isEmpty()) {
      delivery.block(Reason.NO_ENDPOINTS, "gateway " + where + " has no ready pods", share);
      return;
    }
    Pod gatewayPod = pods.get(0);
    int servicePort = exposed.servicePort().path("port").asInt();
    int targetPort = exposed.servicePort().path("targetPort").asInt(servicePort);
    List<PassthroughGateway.Server> servers =
        PassthroughGateway.servers(
            cluster, gatewayPod, new java.util.TreeSet<>(List.of(servicePort, targetPort)));
    if (servers.isEmpty()) {
      delivery.block(
          Reason.NO_GATEWAY_LISTENER,
          "no Gateway selects the pods of " + where + " on port " + targetPort,
          share);
      return;
    }
    Optional<String> conflict = PassthroughGateway.conflict(servers);
    if (conflict.isPresent()) {
      delivery.block(Reason.GATEWAY_CONFLICT, where + ": " + conflict.get(), share);
      return;
    }
    List<PassthroughGateway.Server> passthrough =
        servers.stream().filter(s -> s.tlsMode().equals("AUTO_PASSTHROUGH")).toList();
    if (passthrough.isEmpty()) {
      delivery.block(
          Reason.GATEWAY_NOT_PASSTHROUGH,
          where + " port " + targetPort + " is not AUTO_PASSTHROUGH",
          share);
      return;
    }
    if (!mtls) {
      delivery.block(
          Reason.PLAINTEXT_AT_GATEWAY,
          "plaintext reached the AUTO_PASSTHROUGH listener of " + where + ", which closes it",
          share);
      return;
    }
    throughCluster(gatewayPod, passthrough, sni, where, share);
  }

  private void throughCluster(
      Pod gatewayPod,
      List<PassthroughGateway.Server> passthrough,
      String sni,
      String where,
      double share) {
    String gatewayNamespace = gatewayPod.namespace();
    Optional<MeshService> target =
        PassthroughGateway.parse(sni)
            .flatMap(c -> PassthroughGateway.cluster(cluster, gatewayNamespace, passthrough, c));
    if (target.isEmpty()) {
      delivery.block(
          Reason.GATEWAY_NO_CHAIN,
          where
              + " builds no cluster for SNI "
              + sni
              + " (no MESH_INTERNAL service with that host and port exported to "
              + gatewayNamespace
              + " and covered by the Gateway's hosts)",
          share);
      return;
    }
    MeshService service = target.get();
    PassthroughGateway.SniCluster named = PassthroughGateway.parse(sni).orElseThrow();
    MeshPort port = service.port(named.port()).orElseThrow();
    Optional<JsonNode> rule = TrafficPolicies.destinationRule(cluster, gatewayNamespace, service);
    Optional<JsonNode> subset = Subsets.find(rule, named.subset());
    if (!named.subset().isEmpty() && subset.isEmpty()) {
      delivery.block(
          Reason.GATEWAY_NO_CHAIN,
          where
              + " builds no cluster for SNI "
              + sni
              + ": no DestinationRule visible to "
              + gatewayNamespace
              + " defines subset "
              + named.subset(),
          share);
      return;
    }
    TrafficPolicies.Tls tls = Subsets.tls(rule, subset, port.number());
    IstioVersion version = cluster.controlPlane().map(ControlPlane::version).orElseThrow();
    List<NetworkFilter.Weighted> endpoints =
        NetworkFilter.apply(
                cluster,
                cluster.networkOf(gatewayNamespace),
                Subsets.filter(ServiceEndpoints.of(cluster, service, port), subset),
                e -> enabled(e, tls, version))
            .stream()
            .filter(w -> enabled(w.endpoint(), tls, version))
            .toList();
    endpoints =
        LocalityLoadBalancing.chosen(
            EnvoyHosts.of(endpoints),
            rule,
            subset,
            new LocalityLoadBalancing.Proxy(
                gatewayPod.locality(),
                TopologyLabels.augment(
                    gatewayPod.labels(),
                    gatewayPod.locality(),
                    cluster.name(),
                    gatewayPod.network()),
                cluster.name()));
    if (endpoints.isEmpty()) {
      delivery.block(
          Reason.NO_ENDPOINTS,
          where + " has no mTLS-enabled endpoint for " + service.ref() + " (SNI " + sni + ")",
          share);
      return;
    }
    double total = endpoints.stream().mapToDouble(NetworkFilter.Weighted::weight).sum();
    for (NetworkFilter.Weighted weighted : endpoints) {
      double part = share * weighted.weight() / total;
      Endpoint endpoint = weighted.endpoint();
      if (endpoint.pod().isPresent()) {
        delivery.atPod(cluster, endpoint.pod().get(), endpoint.port(), true, part);
      } else {
        delivery.toAddress(endpoint, true, sni, part, crossed);
      }
    }
  }

  private boolean enabled(Endpoint endpoint, TrafficPolicies.Tls tls, IstioVersion version) {
    Map<String, String> labels = endpoint.labels();
    String namespace = endpoint.pod().map(Pod::namespace).orElse("");
    String mode = TrafficPolicies.peerAuthenticationMode(cluster, namespace, labels);
    return MtlsChecker.enabled(endpoint, tls, mode, version);
  }
}
