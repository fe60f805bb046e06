package dev.meshfed.translation.topology;

import dev.meshfed.schema.discovery.AgentState;
import dev.meshfed.schema.discovery.ControlPlaneState;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.EastWestGatewayState;
import dev.meshfed.schema.discovery.FederationOptions;
import dev.meshfed.schema.discovery.NamespaceSelector;
import dev.meshfed.schema.discovery.NamespaceState;
import dev.meshfed.schema.discovery.ServiceSelector;
import dev.meshfed.schema.discovery.ServiceState;
import dev.meshfed.schema.discovery.WorkspaceSettingsState;
import dev.meshfed.schema.discovery.WorkspaceState;
import dev.meshfed.translation.model.AgentInput;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.NamespaceInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import dev.meshfed.translation.model.WorkspaceInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput;
import java.util.Optional;

/** From the wire format (Avro, the services' contract) to the translator's model. */
final class InputConverter {

  private InputConverter() {}

  static Optional<Input> toInput(ObjectId id, DiscoveredObject object) {
    Object payload = object.getPayload();
    String created = object.getCreationTimestamp();
    if (payload instanceof AgentState) {
      return Optional.of(new AgentInput(id));
    } else if (payload instanceof NamespaceState ns) {
      return Optional.of(new NamespaceInput(id, ns.getLabels()));
    } else if (payload instanceof ServiceState s) {
      return Optional.of(service(id, s));
    } else if (payload instanceof EastWestGatewayState g) {
      return Optional.of(
          new EastWestGatewayInput(
              id, g.getLabels(), g.getSelector(), g.getAddress(), g.getTlsPort(), g.getNetwork()));
    } else if (payload instanceof ControlPlaneState cp) {
      return Optional.of(new ControlPlaneInput(id, cp.getVersion(), cp.getRevision()));
    } else if (payload instanceof WorkspaceState ws) {
      return Optional.of(workspace(id, created, ws));
    } else if (payload instanceof WorkspaceSettingsState settings) {
      return Optional.of(settings(id, created, settings));
    }
    return Optional.empty();
  }

  private static ServiceInput service(ObjectId id, ServiceState s) {
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
            .toList());
  }

  private static WorkspaceInput workspace(ObjectId id, String created, WorkspaceState ws) {
    return new WorkspaceInput(
        id,
        created,
        ws.getWorkloadClusters().stream()
            .map(
                c ->
                    new WorkspaceInput.WorkloadClusters(
                        c.getName(),
                        c.getNamespaces().stream().map(NamespaceSelector::getName).toList()))
            .toList());
  }

  private static WorkspaceSettingsInput settings(
      ObjectId id, String created, WorkspaceSettingsState s) {
    FederationOptions f = s.getFederation();
    WorkspaceSettingsInput.Federation federation =
        f == null
            ? null
            : new WorkspaceSettingsInput.Federation(
                f.getEnabled(),
                f.getHostSuffix(),
                f.getServiceSelector().stream().map(InputConverter::selector).toList());
    return new WorkspaceSettingsInput(id, created, federation);
  }

  private static WorkspaceSettingsInput.ServiceSelector selector(ServiceSelector s) {
    return new WorkspaceSettingsInput.ServiceSelector(
        s.getName(), s.getNamespace(), s.getCluster(), s.getLabels());
  }
}
