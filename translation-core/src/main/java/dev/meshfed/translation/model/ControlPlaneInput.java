package dev.meshfed.translation.model;

import java.util.Map;

/**
 * An istiod; version is null when its image tag does not say; env holds the settings of its
 * environment that change cross-cluster traffic (PILOT_SKIP_VALIDATE_TRUST_DOMAIN,
 * PILOT_ENABLE_IP_AUTOALLOCATE, PILOT_ENABLE_K8S_SELECT_WORKLOAD_ENTRIES).
 */
public record ControlPlaneInput(
    ObjectId id, String version, String revision, Map<String, String> env) implements Input {

  public ControlPlaneInput {
    env = Map.copyOf(env);
  }

  public ControlPlaneInput(ObjectId id, String version, String revision) {
    this(id, version, revision, Map.of());
  }

  /** PILOT_SKIP_VALIDATE_TRUST_DOMAIN: its sidecars accept mTLS from any trust domain. */
  public boolean skipsTrustDomainValidation() {
    return "true".equals(env.get("PILOT_SKIP_VALIDATE_TRUST_DOMAIN"));
  }

  /**
   * PILOT_ENABLE_K8S_SELECT_WORKLOAD_ENTRIES (Istio's default: true): Kubernetes Services select
   * the WorkloadEntries of their namespace too.
   */
  public boolean kubernetesServicesSelectWorkloadEntries() {
    return !"false".equalsIgnoreCase(env.get("PILOT_ENABLE_K8S_SELECT_WORKLOAD_ENTRIES"));
  }

  /** PILOT_ENABLE_IP_AUTOALLOCATE: istiod allocates ServiceEntry addresses (Istio 1.23+). */
  public boolean allocatesAddresses() {
    return "true".equals(env.get("PILOT_ENABLE_IP_AUTOALLOCATE"));
  }
}
