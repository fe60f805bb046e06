package dev.meshfed.discovery.model;

import dev.meshfed.schema.DiscoveredKinds;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** One watched collection of Kubernetes objects, and the discovery kinds its objects publish. */
public enum Source {
  NAMESPACES(DiscoveredKinds.NAMESPACE),
  NODES(DiscoveredKinds.NODE),
  SERVICES(DiscoveredKinds.SERVICE, DiscoveredKinds.EAST_WEST_GATEWAY),
  ISTIOD_DEPLOYMENTS(DiscoveredKinds.CONTROL_PLANE),
  MESH_CONFIGS(DiscoveredKinds.MESH_CONFIG),
  DEPLOYMENTS(DiscoveredKinds.DEPLOYMENT),
  STATEFUL_SETS(DiscoveredKinds.STATEFUL_SET),
  DAEMON_SETS(DiscoveredKinds.DAEMON_SET),
  ENDPOINT_SLICES(DiscoveredKinds.ENDPOINT_SLICE),
  WORKSPACES(DiscoveredKinds.WORKSPACE),
  WORKSPACE_SETTINGS(DiscoveredKinds.WORKSPACE_SETTINGS),
  KUBERNETES_CLUSTERS(DiscoveredKinds.KUBERNETES_CLUSTER),
  VIRTUAL_DESTINATIONS(DiscoveredKinds.VIRTUAL_DESTINATION),
  FAILOVER_POLICIES(DiscoveredKinds.FAILOVER_POLICY),
  OUTLIER_DETECTION_POLICIES(DiscoveredKinds.OUTLIER_DETECTION_POLICY),
  ROUTE_TABLES(DiscoveredKinds.ROUTE_TABLE),
  RETRY_TIMEOUT_POLICIES(DiscoveredKinds.RETRY_TIMEOUT_POLICY),
  FAULT_INJECTION_POLICIES(DiscoveredKinds.FAULT_INJECTION_POLICY),
  HEADER_MANIPULATION_POLICIES(DiscoveredKinds.HEADER_MANIPULATION_POLICY),
  MIRROR_POLICIES(DiscoveredKinds.MIRROR_POLICY),
  ACCESS_POLICIES(DiscoveredKinds.ACCESS_POLICY),
  EXTERNAL_SERVICES(DiscoveredKinds.EXTERNAL_SERVICE),
  EXTERNAL_ENDPOINTS(DiscoveredKinds.EXTERNAL_ENDPOINT),
  GLOO_WORKSPACES(DiscoveredKinds.GLOO_WORKSPACE),
  GLOO_WORKSPACE_SETTINGS(DiscoveredKinds.GLOO_WORKSPACE_SETTINGS),
  GLOO_KUBERNETES_CLUSTERS(DiscoveredKinds.GLOO_KUBERNETES_CLUSTER),
  GLOO_VIRTUAL_DESTINATIONS(DiscoveredKinds.GLOO_VIRTUAL_DESTINATION),
  GLOO_FAILOVER_POLICIES(DiscoveredKinds.GLOO_FAILOVER_POLICY),
  GLOO_OUTLIER_DETECTION_POLICIES(DiscoveredKinds.GLOO_OUTLIER_DETECTION_POLICY),
  GLOO_ROUTE_TABLES(DiscoveredKinds.GLOO_ROUTE_TABLE),
  GLOO_RETRY_TIMEOUT_POLICIES(DiscoveredKinds.GLOO_RETRY_TIMEOUT_POLICY),
  GLOO_FAULT_INJECTION_POLICIES(DiscoveredKinds.GLOO_FAULT_INJECTION_POLICY),
  GLOO_HEADER_MANIPULATION_POLICIES(DiscoveredKinds.GLOO_HEADER_MANIPULATION_POLICY),
  GLOO_MIRROR_POLICIES(DiscoveredKinds.GLOO_MIRROR_POLICY),
  GLOO_ACCESS_POLICIES(DiscoveredKinds.GLOO_ACCESS_POLICY),
  GLOO_EXTERNAL_SERVICES(DiscoveredKinds.GLOO_EXTERNAL_SERVICE),
  GLOO_EXTERNAL_ENDPOINTS(DiscoveredKinds.GLOO_EXTERNAL_ENDPOINT),
  SERVICE_EXPORTS(DiscoveredKinds.SERVICE_EXPORT),
  SERVICE_MESH_PEERS(DiscoveredKinds.SERVICE_MESH_PEER),
  EXPORTED_SERVICE_SETS(DiscoveredKinds.EXPORTED_SERVICE_SET),
  IMPORTED_SERVICE_SETS(DiscoveredKinds.IMPORTED_SERVICE_SET);

  private final List<String> kinds;

  Source(String... kinds) {
    this.kinds = List.of(kinds);
  }

  public List<String> kinds() {
    return kinds;
  }

  /**
   * The API group and resource (plural) this source lists and watches: what discovery's RBAC must
   * grant it.
   */
  public List<String> groupAndResource() {
    return switch (this) {
      case NAMESPACES -> List.of("", "namespaces");
      case NODES -> List.of("", "nodes");
      case SERVICES -> List.of("", "services");
      case MESH_CONFIGS -> List.of("", "configmaps");
      case ISTIOD_DEPLOYMENTS, DEPLOYMENTS -> List.of("apps", "deployments");
      case STATEFUL_SETS -> List.of("apps", "statefulsets");
      case DAEMON_SETS -> List.of("apps", "daemonsets");
      case ENDPOINT_SLICES -> List.of("discovery.k8s.io", "endpointslices");
      default -> {
        MeshfedResource resource = resource().orElseThrow();
        yield List.of(resource.group(), resource.plural());
      }
    };
  }

  /** The custom resource a source watches; empty for Kubernetes' own kinds. */
  public Optional<MeshfedResource> resource() {
    return switch (this) {
      case NAMESPACES,
          NODES,
          SERVICES,
          ISTIOD_DEPLOYMENTS,
          MESH_CONFIGS,
          DEPLOYMENTS,
          STATEFUL_SETS,
          DAEMON_SETS,
          ENDPOINT_SLICES ->
          Optional.empty();
      case WORKSPACES -> Optional.of(MeshfedResource.WORKSPACE);
      case WORKSPACE_SETTINGS -> Optional.of(MeshfedResource.WORKSPACE_SETTINGS);
      case KUBERNETES_CLUSTERS -> Optional.of(MeshfedResource.KUBERNETES_CLUSTER);
      case VIRTUAL_DESTINATIONS -> Optional.of(MeshfedResource.VIRTUAL_DESTINATION);
      case FAILOVER_POLICIES -> Optional.of(MeshfedResource.FAILOVER_POLICY);
      case OUTLIER_DETECTION_POLICIES -> Optional.of(MeshfedResource.OUTLIER_DETECTION_POLICY);
      case ROUTE_TABLES -> Optional.of(MeshfedResource.ROUTE_TABLE);
      case RETRY_TIMEOUT_POLICIES -> Optional.of(MeshfedResource.RETRY_TIMEOUT_POLICY);
      case FAULT_INJECTION_POLICIES -> Optional.of(MeshfedResource.FAULT_INJECTION_POLICY);
      case HEADER_MANIPULATION_POLICIES -> Optional.of(MeshfedResource.HEADER_MANIPULATION_POLICY);
      case MIRROR_POLICIES -> Optional.of(MeshfedResource.MIRROR_POLICY);
      case ACCESS_POLICIES -> Optional.of(MeshfedResource.ACCESS_POLICY);
      case EXTERNAL_SERVICES -> Optional.of(MeshfedResource.EXTERNAL_SERVICE);
      case EXTERNAL_ENDPOINTS -> Optional.of(MeshfedResource.EXTERNAL_ENDPOINT);
      case GLOO_WORKSPACES -> Optional.of(MeshfedResource.GLOO_WORKSPACE);
      case GLOO_WORKSPACE_SETTINGS -> Optional.of(MeshfedResource.GLOO_WORKSPACE_SETTINGS);
      case GLOO_KUBERNETES_CLUSTERS -> Optional.of(MeshfedResource.GLOO_KUBERNETES_CLUSTER);
      case GLOO_VIRTUAL_DESTINATIONS -> Optional.of(MeshfedResource.GLOO_VIRTUAL_DESTINATION);
      case GLOO_FAILOVER_POLICIES -> Optional.of(MeshfedResource.GLOO_FAILOVER_POLICY);
      case GLOO_OUTLIER_DETECTION_POLICIES ->
          Optional.of(MeshfedResource.GLOO_OUTLIER_DETECTION_POLICY);
      case GLOO_ROUTE_TABLES -> Optional.of(MeshfedResource.GLOO_ROUTE_TABLE);
      case GLOO_RETRY_TIMEOUT_POLICIES -> Optional.of(MeshfedResource.GLOO_RETRY_TIMEOUT_POLICY);
      case GLOO_FAULT_INJECTION_POLICIES ->
          Optional.of(MeshfedResource.GLOO_FAULT_INJECTION_POLICY);
      case GLOO_HEADER_MANIPULATION_POLICIES ->
          Optional.of(MeshfedResource.GLOO_HEADER_MANIPULATION_POLICY);
      case GLOO_MIRROR_POLICIES -> Optional.of(MeshfedResource.GLOO_MIRROR_POLICY);
      case GLOO_ACCESS_POLICIES -> Optional.of(MeshfedResource.GLOO_ACCESS_POLICY);
      case GLOO_EXTERNAL_SERVICES -> Optional.of(MeshfedResource.GLOO_EXTERNAL_SERVICE);
      case GLOO_EXTERNAL_ENDPOINTS -> Optional.of(MeshfedResource.GLOO_EXTERNAL_ENDPOINT);
      case SERVICE_EXPORTS -> Optional.of(MeshfedResource.SERVICE_EXPORT);
      case SERVICE_MESH_PEERS -> Optional.of(MeshfedResource.SERVICE_MESH_PEER);
      case EXPORTED_SERVICE_SETS -> Optional.of(MeshfedResource.EXPORTED_SERVICE_SET);
      case IMPORTED_SERVICE_SETS -> Optional.of(MeshfedResource.IMPORTED_SERVICE_SET);
    };
  }

  /** The source whose objects publish records of this discovery kind. */
  public static Optional<Source> publishing(String kind) {
    return Arrays.stream(values()).filter(source -> source.kinds.contains(kind)).findFirst();
  }

  /** Every discovery kind the sources publish, sorted. */
  public static List<String> publishedKinds() {
    return publishedKinds(Arrays.asList(values()));
  }

  /** The discovery kinds some sources publish, sorted (the Agent record lists those watched). */
  public static List<String> publishedKinds(Collection<Source> sources) {
    return sources.stream().flatMap(source -> source.kinds.stream()).sorted().toList();
  }
}
