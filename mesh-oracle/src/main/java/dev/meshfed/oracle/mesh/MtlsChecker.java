package dev.meshfed.oracle.mesh;

/**
 * Whether istiod counts an endpoint as mTLS-enabled: what the network filter and the SNI clusters'
 * mTLS filter require of it. 1.11–1.19 (mtlsChecker): a DestinationRule with ISTIO_MUTUAL is
 * enough; without DestinationRule TLS the endpoint needs tlsMode istio and no DISABLE peer
 * authentication. 1.20 and later (mtls_checker.go checkMtlsEnabled): the endpoint must have tlsMode
 * istio, and either ISTIO_MUTUAL or no DestinationRule TLS and no DISABLE.
 */
final class MtlsChecker {

  private MtlsChecker() {}

  static boolean enabled(
      Endpoint endpoint, TrafficPolicies.Tls tls, String peerMode, IstioVersion version) {
    boolean istioMutual = tls.mode().filter("ISTIO_MUTUAL"::equals).isPresent();
    boolean labelled = "istio".equals(endpoint.tlsMode());
    boolean byPeers = tls.mode().isEmpty() && labelled && !"DISABLE".equals(peerMode);
    if (version.atLeast(1, 20)) {
      return labelled && (istioMutual || byPeers);
    }
    return istioMutual || byPeers;
  }
}
