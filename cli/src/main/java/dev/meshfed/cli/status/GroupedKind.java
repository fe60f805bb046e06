package dev.meshfed.cli.status;

import dev.meshfed.schema.DiscoveredKinds;
import java.util.List;
import java.util.Optional;

/**
 * The Gloo Mesh 2.x-style inputs that translation groups by workspace and gives a status, in both
 * dialects, with the counts their status carries (see docs/api.md); and the Multi-Cluster Services
 * and OpenShift Service Mesh resources it reads, whose status it writes too.
 */
public enum GroupedKind {
  VIRTUAL_DESTINATION(
      DiscoveredKinds.VIRTUAL_DESTINATION,
      DiscoveredKinds.GLOO_VIRTUAL_DESTINATION,
      Count.BACKING_SERVICES,
      Count.APPLIED_POLICIES),
  ROUTE_TABLE(
      DiscoveredKinds.ROUTE_TABLE,
      DiscoveredKinds.GLOO_ROUTE_TABLE,
      Count.ROUTES,
      Count.APPLIED_POLICIES),
  EXTERNAL_SERVICE(
      DiscoveredKinds.EXTERNAL_SERVICE,
      DiscoveredKinds.GLOO_EXTERNAL_SERVICE,
      Count.EXTERNAL_ENDPOINTS),
  FAILOVER_POLICY(
      DiscoveredKinds.FAILOVER_POLICY, DiscoveredKinds.GLOO_FAILOVER_POLICY, Count.DESTINATIONS),
  OUTLIER_DETECTION_POLICY(
      DiscoveredKinds.OUTLIER_DETECTION_POLICY,
      DiscoveredKinds.GLOO_OUTLIER_DETECTION_POLICY,
      Count.DESTINATIONS),
  RETRY_TIMEOUT_POLICY(
      DiscoveredKinds.RETRY_TIMEOUT_POLICY,
      DiscoveredKinds.GLOO_RETRY_TIMEOUT_POLICY,
      Count.SELECTED_ROUTES),
  FAULT_INJECTION_POLICY(
      DiscoveredKinds.FAULT_INJECTION_POLICY,
      DiscoveredKinds.GLOO_FAULT_INJECTION_POLICY,
      Count.SELECTED_ROUTES),
  HEADER_MANIPULATION_POLICY(
      DiscoveredKinds.HEADER_MANIPULATION_POLICY,
      DiscoveredKinds.GLOO_HEADER_MANIPULATION_POLICY,
      Count.SELECTED_ROUTES),
  MIRROR_POLICY(
      DiscoveredKinds.MIRROR_POLICY, DiscoveredKinds.GLOO_MIRROR_POLICY, Count.SELECTED_ROUTES),
  ACCESS_POLICY(
      DiscoveredKinds.ACCESS_POLICY, DiscoveredKinds.GLOO_ACCESS_POLICY, Count.DESTINATIONS),
  // the other federation systems meshfed reads: one dialect each
  SERVICE_EXPORT(DiscoveredKinds.SERVICE_EXPORT, DiscoveredKinds.SERVICE_EXPORT),
  SERVICE_MESH_PEER(DiscoveredKinds.SERVICE_MESH_PEER, DiscoveredKinds.SERVICE_MESH_PEER),
  EXPORTED_SERVICE_SET(DiscoveredKinds.EXPORTED_SERVICE_SET, DiscoveredKinds.EXPORTED_SERVICE_SET),
  IMPORTED_SERVICE_SET(DiscoveredKinds.IMPORTED_SERVICE_SET, DiscoveredKinds.IMPORTED_SERVICE_SET);

  /** A count of a status: its field there, and the word the table gives it. */
  public enum Count {
    BACKING_SERVICES("selectedBackingServices", "backing"),
    ROUTES("routes", "routes"),
    APPLIED_POLICIES("appliedPolicies", "policies"),
    EXTERNAL_ENDPOINTS("selectedExternalEndpoints", "endpoints"),
    DESTINATIONS("selectedDestinations", "destinations"),
    SELECTED_ROUTES("selectedRoutes", "routes");

    final String field;
    final String label;

    Count(String field, String label) {
      this.field = field;
      this.label = label;
    }
  }

  private final String meshfedKind;
  private final String glooKind;
  final List<Count> counts;

  GroupedKind(String meshfedKind, String glooKind, Count... counts) {
    this.meshfedKind = meshfedKind;
    this.glooKind = glooKind;
    this.counts = List.of(counts);
  }

  /** The grouped kind a discovered kind is, in either dialect. */
  static Optional<GroupedKind> of(String discoveredKind) {
    for (GroupedKind kind : values()) {
      if (kind.meshfedKind.equals(discoveredKind) || kind.glooKind.equals(discoveredKind)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
