package dev.meshfed.translation.model;

import java.util.List;

/**
 * Istio's mesh config of one revision (the ConfigMap istio or istio-REVISION): the trust domain the
 * workloads' identities are issued in. Null fields are not set in it.
 */
public record MeshConfigInput(
    ObjectId id,
    String revision,
    String trustDomain,
    List<String> trustDomainAliases,
    String meshId)
    implements Input {

  /** Istio's trust domain when the mesh config sets none. */
  public static final String DEFAULT_TRUST_DOMAIN = "cluster.local";

  public MeshConfigInput {
    trustDomainAliases = List.copyOf(trustDomainAliases);
  }

  public String effectiveTrustDomain() {
    return trustDomain == null || trustDomain.isBlank() ? DEFAULT_TRUST_DOMAIN : trustDomain;
  }
}
