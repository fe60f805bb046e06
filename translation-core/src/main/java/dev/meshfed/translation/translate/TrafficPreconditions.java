package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.MeshConfigInput;
import dev.meshfed.translation.model.MeshInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the clusters' Istio must do for a federated host to carry requests, beyond meshfed's own
 * objects, as far as their discovered settings tell: a target's proxies must resolve the host
 * (proxy DNS capture, and an address for it), and the owner's sidecars must accept the caller's
 * trust domain. Nothing is said where the settings are not known (no mesh config discovered).
 */
final class TrafficPreconditions {

  private TrafficPreconditions() {}

  /** Why proxies in {@code target} do not resolve {@code host}, if their mesh config says so. */
  static Optional<String> unresolvable(MeshInputs inputs, String target, String host) {
    Optional<MeshConfigInput> mesh = ClusterMesh.meshConfig(inputs, target);
    if (mesh.isEmpty()) {
      return Optional.empty();
    }
    if (!mesh.get().dnsCapture()) {
      return Optional.of(
          "proxies of cluster "
              + target
              + " do not capture DNS (meshConfig.defaultConfig.proxyMetadata"
              + " ISTIO_META_DNS_CAPTURE), so "
              + host
              + " does not resolve there unless its workloads turn it on themselves");
    }
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, target);
    boolean allocated =
        mesh.get().dnsAutoAllocate()
            || controlPlane
                .filter(cp -> IstioApi.atLeast(cp.version(), 23) && cp.allocatesAddresses())
                .isPresent();
    if (!allocated) {
      return Optional.of(
          "proxies of cluster "
              + target
              + " do not allocate addresses for ServiceEntries (ISTIO_META_DNS_AUTO_ALLOCATE, or"
              + " PILOT_ENABLE_IP_AUTOALLOCATE from Istio 1.23), so "
              + host
              + " does not resolve there");
    }
    return Optional.empty();
  }

  /**
   * Why the sidecars of {@code owner} refuse mTLS from workloads of {@code caller}, if they do:
   * they accept their own trust domain and its aliases, or any when istiod skips the check
   * (PILOT_SKIP_VALIDATE_TRUST_DOMAIN).
   */
  static Optional<String> refusedTrustDomain(MeshInputs inputs, String owner, String caller) {
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, owner);
    if (controlPlane.isEmpty() || controlPlane.get().skipsTrustDomainValidation()) {
      return Optional.empty();
    }
    List<String> accepted = new ArrayList<>(List.of(ClusterMesh.trustDomain(inputs, owner)));
    ClusterMesh.meshConfig(inputs, owner).ifPresent(m -> accepted.addAll(m.trustDomainAliases()));
    String callerDomain = ClusterMesh.trustDomain(inputs, caller);
    if (accepted.contains(callerDomain)) {
      return Optional.empty();
    }
    return Optional.of(
        "sidecars of cluster "
            + owner
            + " accept mTLS only from trust domains "
            + accepted
            + ", so they refuse requests from cluster "
            + caller
            + " (trust domain "
            + callerDomain
            + "): set PILOT_SKIP_VALIDATE_TRUST_DOMAIN=true on "
            + owner
            + "'s istiod or add "
            + callerDomain
            + " to its meshConfig.trustDomainAliases");
  }
}
