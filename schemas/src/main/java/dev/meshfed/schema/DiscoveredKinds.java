package dev.meshfed.schema;

/**
 * The kinds of a {@code DiscoveryKey}: the vocabulary discovery writes and translation reads (not
 * Kubernetes kinds: an east-west gateway is a Service, istiod a Deployment).
 */
public final class DiscoveredKinds {

  public static final String AGENT = "Agent";
  public static final String NAMESPACE = "Namespace";
  public static final String SERVICE = "Service";
  public static final String EAST_WEST_GATEWAY = "EastWestGateway";
  public static final String NODE = "Node";
  public static final String CONTROL_PLANE = "ControlPlane";
  public static final String WORKSPACE = "Workspace";
  public static final String WORKSPACE_SETTINGS = "WorkspaceSettings";
  public static final String KUBERNETES_CLUSTER = "KubernetesCluster";
  public static final String MESH_CONFIG = "MeshConfig";
  public static final String DEPLOYMENT = "Deployment";
  public static final String STATEFUL_SET = "StatefulSet";
  public static final String DAEMON_SET = "DaemonSet";
  public static final String ENDPOINT_SLICE = "EndpointSlice";
  public static final String VIRTUAL_DESTINATION = "VirtualDestination";
  public static final String FAILOVER_POLICY = "FailoverPolicy";
  public static final String OUTLIER_DETECTION_POLICY = "OutlierDetectionPolicy";
  public static final String ROUTE_TABLE = "RouteTable";
  public static final String RETRY_TIMEOUT_POLICY = "RetryTimeoutPolicy";
  public static final String FAULT_INJECTION_POLICY = "FaultInjectionPolicy";
  public static final String HEADER_MANIPULATION_POLICY = "HeaderManipulationPolicy";
  public static final String MIRROR_POLICY = "MirrorPolicy";
  public static final String ACCESS_POLICY = "AccessPolicy";
  public static final String EXTERNAL_SERVICE = "ExternalService";
  public static final String EXTERNAL_ENDPOINT = "ExternalEndpoint";

  /** Gloo Mesh's resources of the same names, as kind.group: read the same, keyed apart. */
  public static final String GLOO_WORKSPACE = "Workspace.admin.gloo.solo.io";

  public static final String GLOO_WORKSPACE_SETTINGS = "WorkspaceSettings.admin.gloo.solo.io";
  public static final String GLOO_KUBERNETES_CLUSTER = "KubernetesCluster.admin.gloo.solo.io";
  public static final String GLOO_VIRTUAL_DESTINATION =
      "VirtualDestination.networking.gloo.solo.io";
  public static final String GLOO_FAILOVER_POLICY = "FailoverPolicy.resilience.policy.gloo.solo.io";
  public static final String GLOO_OUTLIER_DETECTION_POLICY =
      "OutlierDetectionPolicy.resilience.policy.gloo.solo.io";
  public static final String GLOO_ROUTE_TABLE = "RouteTable.networking.gloo.solo.io";
  public static final String GLOO_RETRY_TIMEOUT_POLICY =
      "RetryTimeoutPolicy.resilience.policy.gloo.solo.io";
  public static final String GLOO_FAULT_INJECTION_POLICY =
      "FaultInjectionPolicy.resilience.policy.gloo.solo.io";
  public static final String GLOO_HEADER_MANIPULATION_POLICY =
      "HeaderManipulationPolicy.trafficcontrol.policy.gloo.solo.io";
  public static final String GLOO_MIRROR_POLICY = "MirrorPolicy.trafficcontrol.policy.gloo.solo.io";
  public static final String GLOO_ACCESS_POLICY = "AccessPolicy.security.policy.gloo.solo.io";
  public static final String GLOO_EXTERNAL_SERVICE = "ExternalService.networking.gloo.solo.io";
  public static final String GLOO_EXTERNAL_ENDPOINT = "ExternalEndpoint.networking.gloo.solo.io";

  /** A Multi-Cluster Services (KEP-1645) ServiceExport, as kind.group. */
  public static final String SERVICE_EXPORT = "ServiceExport.multicluster.x-k8s.io";

  /** OpenShift Service Mesh 2's federation.maistra.io/v1 kinds, as kind.group. */
  public static final String SERVICE_MESH_PEER = "ServiceMeshPeer.federation.maistra.io";

  public static final String EXPORTED_SERVICE_SET = "ExportedServiceSet.federation.maistra.io";
  public static final String IMPORTED_SERVICE_SET = "ImportedServiceSet.federation.maistra.io";

  private DiscoveredKinds() {}
}
