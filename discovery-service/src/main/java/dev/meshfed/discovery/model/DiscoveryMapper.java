package dev.meshfed.discovery.model;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;

/** Maps an object of any source to its writes; never throws on what the object contains. */
public final class DiscoveryMapper {

  private DiscoveryMapper() {}

  public static Mapping map(Source source, HasMetadata object) {
    return switch (source) {
      case NAMESPACES -> NamespaceMapper.map((Namespace) object);
      case NODES -> NodeMapper.map((Node) object);
      case SERVICES -> ServiceMapper.map((Service) object);
      case ISTIOD_DEPLOYMENTS -> ControlPlaneMapper.map((Deployment) object);
      case MESH_CONFIGS -> MeshConfigMapper.map((ConfigMap) object);
      case DEPLOYMENTS -> WorkloadMapper.map((Deployment) object);
      case STATEFUL_SETS -> WorkloadMapper.map((StatefulSet) object);
      case DAEMON_SETS -> WorkloadMapper.map((DaemonSet) object);
      case ENDPOINT_SLICES -> EndpointSliceMapper.map((EndpointSlice) object);
      case WORKSPACES, GLOO_WORKSPACES ->
          WorkspaceMapper.map(source.kinds().get(0), (GenericKubernetesResource) object);
      case WORKSPACE_SETTINGS, GLOO_WORKSPACE_SETTINGS ->
          WorkspaceSettingsMapper.map(source.kinds().get(0), (GenericKubernetesResource) object);
      case KUBERNETES_CLUSTERS, GLOO_KUBERNETES_CLUSTERS ->
          ClusterRegistrationMapper.map(source.kinds().get(0), (GenericKubernetesResource) object);
      case VIRTUAL_DESTINATIONS, GLOO_VIRTUAL_DESTINATIONS ->
          VirtualDestinationMapper.map(source.kinds().get(0), (GenericKubernetesResource) object);
      case FAILOVER_POLICIES, GLOO_FAILOVER_POLICIES ->
          FailoverPolicyMapper.map(source.kinds().get(0), (GenericKubernetesResource) object);
      case OUTLIER_DETECTION_POLICIES, GLOO_OUTLIER_DETECTION_POLICIES ->
          OutlierDetectionPolicyMapper.map(
              source.kinds().get(0), (GenericKubernetesResource) object);
      case ROUTE_TABLES, GLOO_ROUTE_TABLES ->
          RouteTableMapper.map(source.kinds().get(0), (GenericKubernetesResource) object);
      case RETRY_TIMEOUT_POLICIES, GLOO_RETRY_TIMEOUT_POLICIES ->
          RetryTimeoutPolicyMapper.map(source.kinds().get(0), (GenericKubernetesResource) object);
      case FAULT_INJECTION_POLICIES, GLOO_FAULT_INJECTION_POLICIES ->
          FaultInjectionPolicyMapper.map(source.kinds().get(0), (GenericKubernetesResource) object);
      case HEADER_MANIPULATION_POLICIES, GLOO_HEADER_MANIPULATION_POLICIES ->
          HeaderManipulationPolicyMapper.map(
              source.kinds().get(0), (GenericKubernetesResource) object);
      case MIRROR_POLICIES, GLOO_MIRROR_POLICIES ->
          MirrorPolicyMapper.map(source.kinds().get(0), (GenericKubernetesResource) object);
      case ACCESS_POLICIES, GLOO_ACCESS_POLICIES ->
          AccessPolicyMapper.map(source.kinds().get(0), (GenericKubernetesResource) object);
      case EXTERNAL_SERVICES, GLOO_EXTERNAL_SERVICES ->
          ExternalServiceMapper.map(source.kinds().get(0), (GenericKubernetesResource) object);
      case EXTERNAL_ENDPOINTS, GLOO_EXTERNAL_ENDPOINTS ->
          ExternalEndpointMapper.map(source.kinds().get(0), (GenericKubernetesResource) object);
      case SERVICE_EXPORTS -> ServiceExportMapper.map((GenericKubernetesResource) object);
      case SERVICE_MESH_PEERS -> ServiceMeshPeerMapper.map((GenericKubernetesResource) object);
      case EXPORTED_SERVICE_SETS ->
          ExportedServiceSetMapper.map((GenericKubernetesResource) object);
      case IMPORTED_SERVICE_SETS ->
          ImportedServiceSetMapper.map((GenericKubernetesResource) object);
    };
  }
}
