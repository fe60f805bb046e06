package dev.meshfed.discovery.model;

import java.util.Collection;
import java.util.Optional;

/**
 * Whether a cluster's first listing can be trusted to say what is gone. Every Kubernetes API server
 * creates the {@value #SYSTEM_NAMESPACE} namespace and keeps it; one that lists no such namespace
 * is broken or answering from an empty cache, and tombstoning what it does not list would withdraw
 * the cluster's every service from the mesh.
 */
public final class ListingCheck {

  public static final String SYSTEM_NAMESPACE = "kube-system";

  private ListingCheck() {}

  /** Why the listing cannot be trusted, or empty when it can. */
  public static Optional<String> untrusted(Collection<String> listedNamespaces) {
    if (listedNamespaces.contains(SYSTEM_NAMESPACE)) {
      return Optional.empty();
    }
    return Optional.of(
        "the API server listed "
            + listedNamespaces.size()
            + " namespaces and no "
            + SYSTEM_NAMESPACE
            + ", which every cluster has: an incomplete listing; nothing is tombstoned until a"
            + " listing has it");
  }
}
