package dev.meshfed.oracle.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Oracle rule 5 (EndpointsByNetworkFilter, xds ep_filters.go 1.11 and 1.24), from the point of view
 * of a proxy on {@code proxyNetwork}: without network gateways every endpoint stays; an endpoint on
 * no network or the proxy's stays; one on another network stays as is when the proxy's istiod knows
 * no gateway for that network, and otherwise is dropped unless mTLS-enabled, or else replaced by
 * those gateways, its weight split across them, with tlsMode istio.
 */
final class NetworkFilter {

  private NetworkFilter() {}

  /**
   * An endpoint with its weight; {@code viaGateway} when it stands for a remote endpoint (Istio
   * sends one per gateway, the weights of the endpoints behind it added up).
   */
  record Weighted(Endpoint endpoint, double weight, boolean viaGateway) {}

  static List<Weighted> apply(
      ClusterModel viewer,
      String proxyNetwork,
      List<Endpoint> endpoints,
      Predicate<Endpoint> mtlsEnabled) {
    List<ClusterModel.NetworkGateway> gateways = viewer.networkGateways();
    List<Weighted> kept = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      String network = endpoint.network();
      List<ClusterModel.NetworkGateway> toNetwork =
          gateways.stream().filter(g -> g.network().equals(network)).toList();
      if (gateways.isEmpty()
          || network.isEmpty()
          || network.equals(proxyNetwork)
          || toNetwork.isEmpty()) {
        kept.add(new Weighted(endpoint, 1.0, false));
      } else if (mtlsEnabled.test(endpoint)) {
        for (ClusterModel.NetworkGateway gateway : toNetwork) {
          Endpoint viaGateway =
              new Endpoint(
                  java.util.Optional.empty(),
                  gateway.address(),
                  gateway.port(),
                  java.util.Map.of(Pod.TLS_MODE_LABEL, "istio"),
                  network,
                  endpoint.serviceAccount(),
                  endpoint.locality());
          kept.add(new Weighted(viaGateway, 1.0 / toNetwork.size(), true));
        }
      }
    }
    return kept;
  }
}
