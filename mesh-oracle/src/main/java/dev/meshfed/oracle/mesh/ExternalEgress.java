package dev.meshfed.oracle.mesh;

import java.util.Collection;
import java.util.Optional;

/**
 * A connection to an endpoint of a MESH_EXTERNAL service (ServiceEntry {@code location}, whose
 * default it is) at an address no simulated cluster holds leaves the mesh: istiod builds the
 * outbound cluster for it as for any other, and what happens beyond is outside every cluster. How
 * it leaves is the client TLS of rule 6 for that port: a DestinationRule's SIMPLE or MUTUAL has the
 * proxy originate TLS with the rule's {@code sni} (buildUpstreamTLSSettings at 1.11,
 * constructUpstreamTLS at 1.24: {@code Sni: tls.Sni}; without one Envoy sends none unless
 * ENABLE_AUTO_SNI takes the request's host, not modelled); its ISTIO_MUTUAL sends Istio mTLS with
 * the mesh's certificate and accepts only a server certificate of the mesh's CA, which nothing
 * outside the mesh has; without TLS settings the proxy forwards the connection as the application
 * made it, as auto mTLS never applies to a MESH_EXTERNAL service (1.11
 * conditionallyConvertToIstioMtls, 1.24 buildAutoMtlsSettings: "if meshExternal || !autoMTLSEnabled
 * ... return nil"). A MESH_INTERNAL service's endpoint outside every cluster leaves the mesh too
 * when the client sends it no Istio mTLS (location only decides auto mTLS: Envoy connects to any
 * address; a VirtualDestination's entry lists its ExternalServices' endpoints so), but stays
 * unreachable when it does: no server outside the mesh holds the mesh's identity, and such an
 * endpoint is a gateway or pod address the mesh was meant to hold.
 */
final class ExternalEgress {

  private ExternalEgress() {}

  /** Whether the connection to a service's endpoint leaves the mesh. */
  static boolean leaves(
      Collection<ClusterModel> clusters, MeshService service, Endpoint endpoint, boolean mtls) {
    return (!service.meshInternal() || !mtls)
        && endpoint.pod().isEmpty()
        && clusters.stream().noneMatch(c -> c.holds(endpoint.address()));
  }

  /** Why the connection cannot complete outside the mesh, if it cannot. */
  static Optional<String> failure(TrafficPolicies.Tls tls, Endpoint endpoint) {
    if (tls.mode().filter("ISTIO_MUTUAL"::equals).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "a DestinationRule sends Istio mTLS (ISTIO_MUTUAL) to "
            + endpoint.address()
            + ":"
            + endpoint.port()
            + ", outside the mesh, where no server has a certificate of the mesh's CA");
  }

  static Route.Egress of(TrafficPolicies.Tls tls, Endpoint endpoint, double share) {
    boolean originated =
        tls.mode().filter(mode -> mode.equals("SIMPLE") || mode.equals("MUTUAL")).isPresent();
    return new Route.Egress(
        endpoint.address(),
        endpoint.port(),
        originated ? Route.EgressTls.ORIGINATED : Route.EgressTls.NONE,
        originated ? tls.sni().orElse("") : "",
        share);
  }
}
