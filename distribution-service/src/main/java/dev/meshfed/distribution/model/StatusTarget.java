package dev.meshfed.distribution.model;

import dev.meshfed.schema.DiscoveredKinds;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An input whose status meshfed writes: a Workspace, WorkspaceSettings, KubernetesCluster,
 * VirtualDestination, FailoverPolicy, OutlierDetectionPolicy, RouteTable, RetryTimeoutPolicy,
 * FaultInjectionPolicy, HeaderManipulationPolicy, MirrorPolicy, AccessPolicy, ExternalService or
 * ExternalEndpoint in a namespace of this cluster, of meshfed's own API or of Gloo Mesh's ({@code
 * KIND.admin.gloo.solo.io}, {@code KIND.networking.gloo.solo.io}, {@code
 * KIND.resilience.policy.gloo.solo.io}, {@code KIND.trafficcontrol.policy.gloo.solo.io}, {@code
 * KIND.security.policy.gloo.solo.io}, as discovery names them), or a Multi-Cluster Services
 * ServiceExport ({@code ServiceExport.multicluster.x-k8s.io}). Kubernetes' own kinds keep their
 * status.
 */
public record StatusTarget(String kind, String namespace, String name) {

  private static final String GROUP = "meshfed.dev";
  private static final String GLOO_ADMIN = "admin.gloo.solo.io";
  private static final String GLOO_NETWORKING = "networking.gloo.solo.io";
  private static final String GLOO_RESILIENCE = "resilience.policy.gloo.solo.io";
  private static final String GLOO_TRAFFIC_CONTROL = "trafficcontrol.policy.gloo.solo.io";
  private static final String GLOO_SECURITY = "security.policy.gloo.solo.io";
  private static final String MULTICLUSTER = "multicluster.x-k8s.io";
  private static final String OSSM = "federation.maistra.io";

  /** A kind whose status meshfed writes, as the API server knows it. */
  private record Writable(String group, String kind, String plural) {}

  /** By the kind discovery publishes each under. */
  private static final Map<String, Writable> WRITABLE =
      Map.ofEntries(
          Map.entry(DiscoveredKinds.WORKSPACE, new Writable(GROUP, "Workspace", "workspaces")),
          Map.entry(
              DiscoveredKinds.WORKSPACE_SETTINGS,
              new Writable(GROUP, "WorkspaceSettings", "workspacesettings")),
          Map.entry(
              DiscoveredKinds.KUBERNETES_CLUSTER,
              new Writable(GROUP, "KubernetesCluster", "kubernetesclusters")),
          Map.entry(
              DiscoveredKinds.VIRTUAL_DESTINATION,
              new Writable(GROUP, "VirtualDestination", "virtualdestinations")),
          Map.entry(
              DiscoveredKinds.FAILOVER_POLICY,
              new Writable(GROUP, "FailoverPolicy", "failoverpolicies")),
          Map.entry(
              DiscoveredKinds.OUTLIER_DETECTION_POLICY,
              new Writable(GROUP, "OutlierDetectionPolicy", "outlierdetectionpolicies")),
          Map.entry(DiscoveredKinds.ROUTE_TABLE, new Writable(GROUP, "RouteTable", "routetables")),
          Map.entry(
              DiscoveredKinds.RETRY_TIMEOUT_POLICY,
              new Writable(GROUP, "RetryTimeoutPolicy", "retrytimeoutpolicies")),
          Map.entry(
              DiscoveredKinds.FAULT_INJECTION_POLICY,
              new Writable(GROUP, "FaultInjectionPolicy", "faultinjectionpolicies")),
          Map.entry(
              DiscoveredKinds.HEADER_MANIPULATION_POLICY,
              new Writable(GROUP, "HeaderManipulationPolicy", "headermanipulationpolicies")),
          Map.entry(
              DiscoveredKinds.MIRROR_POLICY, new Writable(GROUP, "MirrorPolicy", "mirrorpolicies")),
          Map.entry(
              DiscoveredKinds.ACCESS_POLICY, new Writable(GROUP, "AccessPolicy", "accesspolicies")),
          Map.entry(
              DiscoveredKinds.EXTERNAL_SERVICE,
              new Writable(GROUP, "ExternalService", "externalservices")),
          Map.entry(
              DiscoveredKinds.EXTERNAL_ENDPOINT,
              new Writable(GROUP, "ExternalEndpoint", "externalendpoints")),
          Map.entry(
              DiscoveredKinds.GLOO_WORKSPACE, new Writable(GLOO_ADMIN, "Workspace", "workspaces")),
          Map.entry(
              DiscoveredKinds.GLOO_WORKSPACE_SETTINGS,
              new Writable(GLOO_ADMIN, "WorkspaceSettings", "workspacesettings")),
          Map.entry(
              DiscoveredKinds.GLOO_KUBERNETES_CLUSTER,
              new Writable(GLOO_ADMIN, "KubernetesCluster", "kubernetesclusters")),
          Map.entry(
              DiscoveredKinds.GLOO_VIRTUAL_DESTINATION,
              new Writable(GLOO_NETWORKING, "VirtualDestination", "virtualdestinations")),
          Map.entry(
              DiscoveredKinds.GLOO_FAILOVER_POLICY,
              new Writable(GLOO_RESILIENCE, "FailoverPolicy", "failoverpolicies")),
          Map.entry(
              DiscoveredKinds.GLOO_OUTLIER_DETECTION_POLICY,
              new Writable(GLOO_RESILIENCE, "OutlierDetectionPolicy", "outlierdetectionpolicies")),
          Map.entry(
              DiscoveredKinds.GLOO_ROUTE_TABLE,
              new Writable(GLOO_NETWORKING, "RouteTable", "routetables")),
          Map.entry(
              DiscoveredKinds.GLOO_RETRY_TIMEOUT_POLICY,
              new Writable(GLOO_RESILIENCE, "RetryTimeoutPolicy", "retrytimeoutpolicies")),
          Map.entry(
              DiscoveredKinds.GLOO_FAULT_INJECTION_POLICY,
              new Writable(GLOO_RESILIENCE, "FaultInjectionPolicy", "faultinjectionpolicies")),
          Map.entry(
              DiscoveredKinds.GLOO_HEADER_MANIPULATION_POLICY,
              new Writable(
                  GLOO_TRAFFIC_CONTROL, "HeaderManipulationPolicy", "headermanipulationpolicies")),
          Map.entry(
              DiscoveredKinds.GLOO_MIRROR_POLICY,
              new Writable(GLOO_TRAFFIC_CONTROL, "MirrorPolicy", "mirrorpolicies")),
          Map.entry(
              DiscoveredKinds.GLOO_ACCESS_POLICY,
              new Writable(GLOO_SECURITY, "AccessPolicy", "accesspolicies")),
          Map.entry(
              DiscoveredKinds.GLOO_EXTERNAL_SERVICE,
              new Writable(GLOO_NETWORKING, "ExternalService", "externalservices")),
          Map.entry(
              DiscoveredKinds.GLOO_EXTERNAL_ENDPOINT,
              new Writable(GLOO_NETWORKING, "ExternalEndpoint", "externalendpoints")),
          Map.entry(
              DiscoveredKinds.SERVICE_EXPORT,
              new Writable(MULTICLUSTER, "ServiceExport", "serviceexports")),
          Map.entry(
              DiscoveredKinds.SERVICE_MESH_PEER,
              new Writable(OSSM, "ServiceMeshPeer", "servicemeshpeers")),
          Map.entry(
              DiscoveredKinds.EXPORTED_SERVICE_SET,
              new Writable(OSSM, "ExportedServiceSet", "exportedservicesets")),
          Map.entry(
              DiscoveredKinds.IMPORTED_SERVICE_SET,
              new Writable(OSSM, "ImportedServiceSet", "importedservicesets")));

  /**
   * The REST type its status is written through, if meshfed writes it for that apiVersion (the
   * input's own: its group must be the kind's).
   */
  public Optional<ResourceType> type(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    Writable writable = WRITABLE.get(kind);
    if (slash < 0 || writable == null || !writable.group().equals(apiVersion.substring(0, slash))) {
      return Optional.empty();
    }
    String version = apiVersion.substring(slash + 1);
    return Optional.of(
        new ResourceKind(writable.group(), writable.kind(), writable.plural(), List.of(version))
            .atVersion(version));
  }

  /**
   * Whether meshfed owns the type's whole status: its own resources', a ServiceExport's (meshfed is
   * the Multi-Cluster Services controller) and OpenShift Service Mesh federation's (whose OSSM 2
   * controller meshfed replaces: it writes exportedServices and importedServices as OSSM did). Gloo
   * Mesh's resources have a status of Gloo's: meshfed writes only {@code status.meshfed} there.
   */
  public static boolean ownsWholeStatus(ResourceType type) {
    return type.kind().group().equals(GROUP)
        || type.kind().group().equals(OSSM)
        || holdsConditions(type);
  }

  /**
   * Whether the type's status holds Kubernetes conditions ({@code status.conditions}), each of
   * which needs a {@code lastTransitionTime} that translation, having no clock, does not give: see
   * {@link ConditionTimes}.
   */
  public static boolean holdsConditions(ResourceType type) {
    return type.kind().group().equals(MULTICLUSTER);
  }

  @Override
  public String toString() {
    return kind + " " + namespace + "/" + name;
  }
}
