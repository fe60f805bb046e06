package dev.meshfed.oracle.mesh;

import java.util.Optional;

/**
 * Oracle rule 2: a Kubernetes Service resolves through cluster DNS; a ServiceEntry host, internal
 * or external alike, only through the proxy's DNS capture, and only with an address (the name table
 * has no MESH_EXTERNAL condition: pkg/dns/server/name_table.go BuildNameTable). The address is one
 * of its {@code addresses} that is an IP (a CIDR other than a single address is skipped there), or
 * without addresses an automatically allocated one, which istiod gives only a host that is no
 * wildcard of an entry whose resolution is not NONE ("we can allocate IPs only if":
 * servicediscovery autoAllocateIPs, 1.11–1.24; from 1.23 shouldV2AutoAllocateIPFromPieces, "if
 * resolution is none we cannot honor the assigned IP").
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
    if (!service.addresses().isEmpty()) {
      return service.addresses().stream().anyMatch(NameResolution::singleAddress)
          ? Optional.empty()
          : Optional.of(
              service.ref() + "'s addresses " + service.addresses() + " are ranges, not IPs");
    }
    if (!client.autoAllocatesAddresses()) {
      return Optional.of(
          service.ref()
              + " has no addresses and proxies do not allocate them"
              + " (ISTIO_META_DNS_AUTO_ALLOCATE)");
    }
    if (service.resolution().equals("NONE") || service.host().startsWith("*")) {
      return Optional.of(
          service.ref()
              + " has no addresses, and istiod allocates none for "
              + (service.host().startsWith("*") ? "a wildcard host" : "resolution NONE"));
    }
    return Optional.empty();
  }

  /** An IP, or a CIDR of one address, which convertServices turns into that IP. */
  private static boolean singleAddress(String address) {
    int slash = address.indexOf('/');
    if (slash < 0) {
      return true;
    }
    String bits = address.substring(slash + 1);
    return bits.equals(address.contains(":") ? "128" : "32");
  }
}
