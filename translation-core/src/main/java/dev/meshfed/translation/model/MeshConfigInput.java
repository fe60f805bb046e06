package dev.meshfed.translation.model;

import java.util.List;
import java.util.Map;

/**
 * Istio's mesh config of one revision (the ConfigMap istio or istio-REVISION): the trust domain the
 * workloads' identities are issued in, and the proxies' metadata (whether they resolve ServiceEntry
 * hosts). Null fields are not set in it.
 */
public record MeshConfigInput(
    ObjectId id,
    String revision,
    String trustDomain,
    List<String> trustDomainAliases,
    String meshId,
    Map<String, String> proxyMetadata)
    implements Input {

  /** Istio's trust domain when the mesh config sets none. */
  public static final String DEFAULT_TRUST_DOMAIN = "cluster.local";

  public MeshConfigInput {
    trustDomainAliases = List.copyOf(trustDomainAliases);
    proxyMetadata = Map.copyOf(proxyMetadata);
  }

  public MeshConfigInput(
      ObjectId id,
      String revision,
      String trustDomain,
      List<String> trustDomainAliases,
      String meshId) {
    this(id, revision, trustDomain, trustDomainAliases, meshId, Map.of());
  }

  /** Proxies answer DNS for the hosts they know (ISTIO_META_DNS_CAPTURE). */
  public boolean dnsCapture() {
    return "true".equals(proxyMetadata.get("ISTIO_META_DNS_CAPTURE"));
  }

  /** Proxies give ServiceEntries without addresses one (ISTIO_META_DNS_AUTO_ALLOCATE). */
  public boolean dnsAutoAllocate() {
    return "true".equals(proxyMetadata.get("ISTIO_META_DNS_AUTO_ALLOCATE"));
  }

  public String effectiveTrustDomain() {
    return trustDomain == null || trustDomain.isBlank() ? DEFAULT_TRUST_DOMAIN : trustDomain;
  }
}
