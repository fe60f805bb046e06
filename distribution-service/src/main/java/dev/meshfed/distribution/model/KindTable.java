package dev.meshfed.distribution.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The kinds distribution-service applies and prunes. */
public final class KindTable {

  private static final String NETWORKING = "networking.istio.io";
  private static final String SECURITY = "security.istio.io";
  private static final String MULTICLUSTER = "multicluster.x-k8s.io";
  private static final List<String> NETWORKING_VERSIONS = List.of("v1", "v1beta1", "v1alpha3");
  private static final List<String> SECURITY_VERSIONS = List.of("v1", "v1beta1");

  public static final KindTable ISTIO =
      new KindTable(
          List.of(
              new ResourceKind(NETWORKING, "ServiceEntry", "serviceentries", NETWORKING_VERSIONS),
              new ResourceKind(NETWORKING, "Gateway", "gateways", NETWORKING_VERSIONS),
              new ResourceKind(
                  NETWORKING, "VirtualService", "virtualservices", NETWORKING_VERSIONS),
              new ResourceKind(
                  NETWORKING, "DestinationRule", "destinationrules", NETWORKING_VERSIONS),
              new ResourceKind(NETWORKING, "Sidecar", "sidecars", NETWORKING_VERSIONS),
              new ResourceKind(NETWORKING, "WorkloadEntry", "workloadentries", NETWORKING_VERSIONS),
              new ResourceKind(
                  SECURITY, "AuthorizationPolicy", "authorizationpolicies", SECURITY_VERSIONS)));

  /**
   * The Multi-Cluster Services API (KEP-1645): a ServiceImport in every cluster of an export's
   * clusterset, its status included. A cluster may not serve it: its kinds then list as empty and
   * their writes fail, as every write of a kind the cluster does not serve.
   */
  public static final KindTable MULTICLUSTER_SERVICES =
      new KindTable(
          List.of(
              new ResourceKind(
                  MULTICLUSTER, "ServiceImport", "serviceimports", List.of("v1alpha1"))));

  /** Everything distribution-service applies, prunes and watches. */
  public static final KindTable DISTRIBUTED = ISTIO.with(MULTICLUSTER_SERVICES);

  private final List<ResourceKind> kinds;

  public KindTable(List<ResourceKind> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  public List<ResourceKind> kinds() {
    return kinds;
  }

  /** This table's kinds, then {@code other}'s. */
  public KindTable with(KindTable other) {
    List<ResourceKind> both = new ArrayList<>(kinds);
    both.addAll(other.kinds);
    return new KindTable(both);
  }

  /** The REST type a key is written in, if its group and kind are known. */
  public Optional<ResourceType> resolve(ObjectKey key) {
    if (key.version().isEmpty()) {
      return Optional.empty();
    }
    return kinds.stream()
        .filter(k -> k.group().equals(key.group()) && k.kind().equals(key.kind()))
        .findFirst()
        .map(k -> k.atVersion(key.version()));
  }
}
