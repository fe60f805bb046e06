package dev.meshfed.oracle.mesh;

/**
 * Oracle rule 9: a server sidecar accepts a client certificate whose trust domain is its own or an
 * alias (plugin/authn TrustDomainsForValidation), or any when its istiod skips the check
 * (PILOT_SKIP_VALIDATE_TRUST_DOMAIN).
 */
final class TrustDomains {

  private TrustDomains() {}

  static boolean accepts(ClusterModel server, String clientTrustDomain) {
    return server
        .controlPlane()
        .map(
            cp ->
                cp.skipsTrustDomainValidation()
                    || cp.localTrustDomains().contains(clientTrustDomain))
        .orElse(false);
  }
}
