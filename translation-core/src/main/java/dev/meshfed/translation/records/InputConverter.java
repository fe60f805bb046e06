package dev.meshfed.translation.records;

import dev.meshfed.schema.discovery.AgentState;
import dev.meshfed.schema.discovery.ClusterRegistrationState;
import dev.meshfed.schema.discovery.ControlPlaneState;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.EastWestGatewayState;
import dev.meshfed.schema.discovery.EndpointSliceState;
import dev.meshfed.schema.discovery.FederationOptions;
import dev.meshfed.schema.discovery.GatewaySelector;
import dev.meshfed.schema.discovery.MeshConfigState;
import dev.meshfed.schema.discovery.NamespaceState;
import dev.meshfed.schema.discovery.NodeState;
import dev.meshfed.schema.discovery.ObjectSelector;
import dev.meshfed.schema.discovery.ResourceSelector;
import dev.meshfed.schema.discovery.ServiceExportState;
import dev.meshfed.schema.discovery.ServiceIsolationOptions;
import dev.meshfed.schema.discovery.ServiceSelector;
import dev.meshfed.schema.discovery.ServiceState;
import dev.meshfed.schema.discovery.WorkloadClusterSelector;
import dev.meshfed.schema.discovery.WorkloadState;
import dev.meshfed.schema.discovery.WorkspaceSettingsState;
import dev.meshfed.schema.discovery.WorkspaceSharing;
import dev.meshfed.schema.discovery.WorkspaceState;
import dev.meshfed.translation.model.AgentInput;
import dev.meshfed.translation.model.ClusterRegistrationInput;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.EndpointSliceInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshConfigInput;
import dev.meshfed.translation.model.NamespaceInput;
import dev.meshfed.translation.model.NodeInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceExportInput;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.model.WorkloadInput;
import dev.meshfed.translation.model.WorkspaceInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput;
import java.util.List;
import java.util.Optional;

/** From the wire format (Avro, the services' contract) to the translator's model. */
public final class InputConverter {

  private InputConverter() {}

  public static Optional<Input> toInput(ObjectId id, DiscoveredObject object) {
    Object payload = object.getPayload();
    String created = object.getCreationTimestamp();
    long generation = object.getGeneration() == null ? 0 : object.getGeneration();
    if (payload instanceof AgentState) {
      return Optional.of(new AgentInput(id));
    } else if (payload instanceof NamespaceState ns) {
      return Optional.of(new NamespaceInput(id, ns.getLabels()));
    } else if (payload instanceof ServiceState s) {
      return Optional.of(service(id, created, s));
    } else if (payload instanceof EastWestGatewayState g) {
      return Optional.of(
          new EastWestGatewayInput(
              id,
              g.getLabels(),
              g.getSelector(),
              g.getAddress(),
              g.getTlsPort(),
              g.getNetwork(),
              g.getNodePort()));
    } else if (payload instanceof NodeState node) {
      return Optional.of(
          new NodeInput(
              id, node.getAddresses(), node.getReady(), node.getRegion(), node.getZone()));
    } else if (payload instanceof ControlPlaneState cp) {
      return Optional.of(new ControlPlaneInput(id, cp.getVersion(), cp.getRevision(), cp.getEnv()));
    } else if (payload instanceof WorkspaceState ws) {
      return Optional.of(workspace(id, created, generation, ws, object.getProblems()));
    } else if (payload instanceof WorkspaceSettingsState settings) {
      return Optional.of(settings(id, created, generation, settings, object.getProblems()));
    } else if (payload instanceof ClusterRegistrationState registration) {
      return Optional.of(
          new ClusterRegistrationInput(
              id,
              registration.getLabels(),
              registration.getRemoved(),
              generation,
              object.getProblems()));
    } else if (payload instanceof MeshConfigState mc) {
      return Optional.of(
          new MeshConfigInput(
              id,
              mc.getRevision(),
              mc.getTrustDomain(),
              mc.getTrustDomainAliases(),
              mc.getMeshId(),
              mc.getProxyMetadata()));
    } else if (payload instanceof WorkloadState w) {
      return Optional.of(new WorkloadInput(id, w.getServiceAccount(), w.getPodLabels()));
    } else if (payload instanceof ServiceExportState) {
      return Optional.of(new ServiceExportInput(id, created, generation));
    } else if (payload instanceof EndpointSliceState e) {
      return Optional.of(
          new EndpointSliceInput(
              id, e.getService(), e.getReadyEndpoints(), e.getNotReadyEndpoints(), e.getZones()));
    }
    return GroupedConverter.toInput(id, created, generation, payload, object.getProblems());
  }

  static VirtualDestinationInput.ObjectSelector objectSelector(ObjectSelector s) {
    return new VirtualDestinationInput.ObjectSelector(
        s.getName(), s.getNamespace(), s.getCluster(), s.getWorkspace(), s.getLabels());
  }

  private static ServiceInput service(ObjectId id, String created, ServiceState s) {
    return new ServiceInput(
        id,
        s.getType(),
        s.getLabels(),
        s.getSelector(),
        s.getPorts().stream()
            .map(
                p ->
                    new ServicePortInput(
                        p.getName(),
                        p.getPort(),
                        p.getTargetPort(),
                        p.getProtocol(),
                        p.getAppProtocol()))
            .toList(),
        created,
        s.getHeadless(),
        s.getExportTo());
  }

  private static WorkspaceInput workspace(
      ObjectId id, String created, long generation, WorkspaceState ws, List<String> problems) {
    return new WorkspaceInput(
        id,
        created,
        ws.getLabels(),
        ws.getWorkloadClusters().stream().map(InputConverter::workloadClusters).toList(),
        generation,
        problems);
  }

  private static WorkspaceInput.WorkloadClusters workloadClusters(WorkloadClusterSelector c) {
    return new WorkspaceInput.WorkloadClusters(
        c.getName(),
        c.getSelector(),
        c.getNamespaces().stream()
            .map(n -> new WorkspaceInput.NamespaceSelector(n.getName(), n.getLabels()))
            .toList());
  }

  private static WorkspaceSettingsInput settings(
      ObjectId id,
      String created,
      long generation,
      WorkspaceSettingsState s,
      List<String> problems) {
    FederationOptions f = s.getFederation();
    WorkspaceSettingsInput.Federation federation =
        f == null
            ? null
            : new WorkspaceSettingsInput.Federation(
                f.getEnabled(),
                f.getHostSuffix(),
                f.getServiceSelector().stream().map(InputConverter::selector).toList(),
                f.getPorts().stream()
                    .map(p -> new WorkspaceSettingsInput.PortSelector(p.getNumber(), p.getName()))
                    .toList());
    return new WorkspaceSettingsInput(
        id,
        created,
        federation,
        sharing(s.getImportFrom()),
        sharing(s.getExportTo()),
        isolation(s.getServiceIsolation()),
        s.getEastWestGateways().stream().map(InputConverter::gateway).toList(),
        generation,
        problems);
  }

  private static WorkspaceSettingsInput.Isolation isolation(ServiceIsolationOptions i) {
    return i == null
        ? null
        : new WorkspaceSettingsInput.Isolation(i.getEnabled(), i.getTrimProxyConfig());
  }

  private static WorkspaceSettingsInput.GatewaySelector gateway(GatewaySelector g) {
    return new WorkspaceSettingsInput.GatewaySelector(
        g.getLabels(), g.getNamespace(), g.getCluster());
  }

  private static List<WorkspaceSettingsInput.Sharing> sharing(List<WorkspaceSharing> rules) {
    return rules.stream()
        .map(
            rule ->
                new WorkspaceSettingsInput.Sharing(
                    rule.getWorkspaces().stream()
                        .map(
                            w ->
                                new WorkspaceSettingsInput.WorkspaceSelector(
                                    w.getName(), w.getSelector()))
                        .toList(),
                    rule.getResources().stream().map(InputConverter::resource).toList()))
        .toList();
  }

  private static WorkspaceSettingsInput.ResourceSelector resource(ResourceSelector r) {
    return new WorkspaceSettingsInput.ResourceSelector(
        r.getKind(), r.getName(), r.getNamespace(), r.getCluster(), r.getLabels());
  }

  private static WorkspaceSettingsInput.ServiceSelector selector(ServiceSelector s) {
    return new WorkspaceSettingsInput.ServiceSelector(
        s.getName(), s.getNamespace(), s.getCluster(), s.getLabels());
  }
}
