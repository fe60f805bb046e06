package dev.meshfed.oracle.mesh;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;

/** The objects meshfed manages in a cluster: the Istio kinds it writes. */
public final class ManagedObjects {

  private ManagedObjects() {}

  /**
   * The Istio kinds meshfed writes, read via v1beta1: ServiceEntry, Gateway, VirtualService,
   * DestinationRule, Sidecar (networking.istio.io) and AuthorizationPolicy (security.istio.io).
   */
  public static List<ResourceDefinitionContext> istioKinds() {
    return List.of(
        istio("networking.istio.io", "ServiceEntry", "serviceentries"),
        istio("networking.istio.io", "Gateway", "gateways"),
        istio("networking.istio.io", "VirtualService", "virtualservices"),
        istio("networking.istio.io", "DestinationRule", "destinationrules"),
        istio("networking.istio.io", "Sidecar", "sidecars"),
        istio("security.istio.io", "AuthorizationPolicy", "authorizationpolicies"));
  }

  /** An Istio kind, namespaced, read and written through v1beta1 (served from 1.5 to 1.24). */
  public static ResourceDefinitionContext istio(String group, String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion("v1beta1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }
}
