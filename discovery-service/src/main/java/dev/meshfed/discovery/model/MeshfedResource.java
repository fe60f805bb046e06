package dev.meshfed.discovery.model;

/**
 * The custom resources discovery reads (all namespaced): meshfed's own, Gloo Mesh 2.x's ({@code
 * admin.gloo.solo.io/v2}, {@code networking.gloo.solo.io/v2}, {@code
 * resilience.policy.gloo.solo.io/v2}, {@code trafficcontrol.policy.gloo.solo.io/v2}, {@code
 * security.policy.gloo.solo.io/v2}), which read the same and are published under kinds of their own
 * so that an object of each dialect with the same name never shares a key, the Multi-Cluster
 * Services API's ServiceExport ({@code multicluster.x-k8s.io/v1alpha1}), and OpenShift Service Mesh
 * 2's federation resources ({@code federation.maistra.io/v1}).
 */
public enum MeshfedResource {
  WORKSPACE("Workspace", "workspaces", Dialect.MESHFED),
  WORKSPACE_SETTINGS("WorkspaceSettings", "workspacesettings", Dialect.MESHFED),
  KUBERNETES_CLUSTER("KubernetesCluster", "kubernetesclusters", Dialect.MESHFED),
  VIRTUAL_DESTINATION("VirtualDestination", "virtualdestinations", Dialect.MESHFED),
  FAILOVER_POLICY("FailoverPolicy", "failoverpolicies", Dialect.MESHFED),
  OUTLIER_DETECTION_POLICY("OutlierDetectionPolicy", "outlierdetectionpolicies", Dialect.MESHFED),
  ROUTE_TABLE("RouteTable", "routetables", Dialect.MESHFED),
  RETRY_TIMEOUT_POLICY("RetryTimeoutPolicy", "retrytimeoutpolicies", Dialect.MESHFED),
  FAULT_INJECTION_POLICY("FaultInjectionPolicy", "faultinjectionpolicies", Dialect.MESHFED),
  HEADER_MANIPULATION_POLICY(
      "HeaderManipulationPolicy", "headermanipulationpolicies", Dialect.MESHFED),
  MIRROR_POLICY("MirrorPolicy", "mirrorpolicies", Dialect.MESHFED),
  ACCESS_POLICY("AccessPolicy", "accesspolicies", Dialect.MESHFED),
  EXTERNAL_SERVICE("ExternalService", "externalservices", Dialect.MESHFED),
  EXTERNAL_ENDPOINT("ExternalEndpoint", "externalendpoints", Dialect.MESHFED),
  GLOO_WORKSPACE("Workspace", "workspaces", Dialect.GLOO),
  GLOO_WORKSPACE_SETTINGS("WorkspaceSettings", "workspacesettings", Dialect.GLOO),
  GLOO_KUBERNETES_CLUSTER("KubernetesCluster", "kubernetesclusters", Dialect.GLOO),
  GLOO_VIRTUAL_DESTINATION("VirtualDestination", "virtualdestinations", Dialect.GLOO_NETWORKING),
  GLOO_FAILOVER_POLICY("FailoverPolicy", "failoverpolicies", Dialect.GLOO_RESILIENCE),
  GLOO_OUTLIER_DETECTION_POLICY(
      "OutlierDetectionPolicy", "outlierdetectionpolicies", Dialect.GLOO_RESILIENCE),
  GLOO_ROUTE_TABLE("RouteTable", "routetables", Dialect.GLOO_NETWORKING),
  GLOO_RETRY_TIMEOUT_POLICY("RetryTimeoutPolicy", "retrytimeoutpolicies", Dialect.GLOO_RESILIENCE),
  GLOO_FAULT_INJECTION_POLICY(
      "FaultInjectionPolicy", "faultinjectionpolicies", Dialect.GLOO_RESILIENCE),
  GLOO_HEADER_MANIPULATION_POLICY(
      "HeaderManipulationPolicy", "headermanipulationpolicies", Dialect.GLOO_TRAFFIC_CONTROL),
  GLOO_MIRROR_POLICY("MirrorPolicy", "mirrorpolicies", Dialect.GLOO_TRAFFIC_CONTROL),
  GLOO_ACCESS_POLICY("AccessPolicy", "accesspolicies", Dialect.GLOO_SECURITY),
  GLOO_EXTERNAL_SERVICE("ExternalService", "externalservices", Dialect.GLOO_NETWORKING),
  GLOO_EXTERNAL_ENDPOINT("ExternalEndpoint", "externalendpoints", Dialect.GLOO_NETWORKING),
  SERVICE_EXPORT("ServiceExport", "serviceexports", Dialect.MCS),
  SERVICE_MESH_PEER("ServiceMeshPeer", "servicemeshpeers", Dialect.OSSM_FEDERATION),
  EXPORTED_SERVICE_SET("ExportedServiceSet", "exportedservicesets", Dialect.OSSM_FEDERATION),
  IMPORTED_SERVICE_SET("ImportedServiceSet", "importedservicesets", Dialect.OSSM_FEDERATION);

  public static final String GROUP = "meshfed.dev";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String GLOO_GROUP = "admin.gloo.solo.io";
  public static final String GLOO_NETWORKING_GROUP = "networking.gloo.solo.io";
  public static final String GLOO_RESILIENCE_GROUP = "resilience.policy.gloo.solo.io";
  public static final String GLOO_TRAFFIC_CONTROL_GROUP = "trafficcontrol.policy.gloo.solo.io";
  public static final String GLOO_SECURITY_GROUP = "security.policy.gloo.solo.io";
  public static final String GLOO_VERSION = "v2";
  public static final String MCS_GROUP = "multicluster.x-k8s.io";
  public static final String MCS_VERSION = "v1alpha1";
  public static final String OSSM_FEDERATION_GROUP = "federation.maistra.io";
  public static final String OSSM_FEDERATION_VERSION = "v1";

  /** Whose API, and which of its groups, a resource belongs to. */
  public enum Dialect {
    MESHFED(GROUP, VERSION),
    /** Gloo Mesh's administration: workspaces and cluster registrations. */
    GLOO(GLOO_GROUP, GLOO_VERSION),
    /**
     * Gloo Mesh's traffic resources: virtual destinations, route tables, external services and
     * endpoints.
     */
    GLOO_NETWORKING(GLOO_NETWORKING_GROUP, GLOO_VERSION),
    /**
     * Gloo Mesh's resilience policies: failover, outlier detection, retries and timeouts, fault
     * injection.
     */
    GLOO_RESILIENCE(GLOO_RESILIENCE_GROUP, GLOO_VERSION),
    /** Gloo Mesh's traffic control policies: header manipulation and mirroring. */
    GLOO_TRAFFIC_CONTROL(GLOO_TRAFFIC_CONTROL_GROUP, GLOO_VERSION),
    /** Gloo Mesh's security policies: access (which clients may call a destination). */
    GLOO_SECURITY(GLOO_SECURITY_GROUP, GLOO_VERSION),
    /** Kubernetes' Multi-Cluster Services API (KEP-1645): which Services are exported. */
    MCS(MCS_GROUP, MCS_VERSION),
    /** OpenShift Service Mesh 2's federation: peers, and the services exported and imported. */
    OSSM_FEDERATION(OSSM_FEDERATION_GROUP, OSSM_FEDERATION_VERSION);

    private final String group;
    private final String version;

    Dialect(String group, String version) {
      this.group = group;
      this.version = version;
    }
  }

  private final String kind;
  private final String plural;
  private final Dialect dialect;

  MeshfedResource(String kind, String plural, Dialect dialect) {
    this.kind = kind;
    this.plural = plural;
    this.dialect = dialect;
  }

  public String kind() {
    return kind;
  }

  public String plural() {
    return plural;
  }

  public String group() {
    return dialect.group;
  }

  public String version() {
    return dialect.version;
  }

  public String apiVersion() {
    return dialect.group + "/" + dialect.version;
  }

  /**
   * Gloo's, the Multi-Cluster Services API's and OpenShift Service Mesh's resources are read only
   * where their CRDs are installed; meshfed's must be (an informer on a resource the API server
   * does not serve never syncs).
   */
  public boolean optional() {
    return dialect != Dialect.MESHFED;
  }
}
