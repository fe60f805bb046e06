package dev.meshfed.oracle.mesh;

import java.util.Optional;

/**
 * Oracle rule 2: a Kubernetes Service resolves through cluster DNS; a ServiceEntry host only
 * through the proxy's DNS capture, and only with an address: its own {@code addresses} or an
 * automatically allocated one (pkg/dns/server/name_table.go BuildNameTable).
 */
final class NameResolution {

  private NameResolution() {}

  static Optional<String> problem(ControlPlane client, MeshService service) {
    if (service.isKubernetes()) {
      return Optional.empty();
    }
    if (!client.dnsCapture()) {
      return Optional.of(
          "proxies do not capture DNS (meshConfig.defaultConfig.proxyMetadata"
              + " ISTIO_META_DNS_CAPTURE), so nothing answers for "
              + service.host());
    }
    if (service.addresses().isEmpty() && !client.autoAllocatesAddresses()) {
      return Optional.of(
          service.ref()
              + " has no addresses and proxies do not allocate them"
              + " (ISTIO_META_DNS_AUTO_ALLOCATE)");
    }
    return Optional.empty();
  }
}
