package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput.GatewaySelector;
import dev.meshfed.translation.model.WorkspaceSettingsInput.PortSelector;
import dev.meshfed.translation.model.WorkspaceSettingsInput.ServiceSelector;
import java.util.List;

/** What a workspace's valid settings say about federation. */
public record FederationPlan(
    WorkspaceSettingsInput settings, String hostSuffix, List<ServiceSelector> selectors) {

  /** options.federation.ports: the ports federated; none listed means every TCP port. */
  public List<PortSelector> ports() {
    return settings.federation().ports();
  }

  /** options.eastWestGateways: the gateways that carry the workspace's traffic; none: any. */
  public List<GatewaySelector> gatewaySelectors() {
    return settings.eastWestGateways();
  }

  /** Whether options.federation.ports lets a port be federated. */
  public boolean federatesPort(ServicePortInput port) {
    return ports().isEmpty()
        || ports().stream()
            .anyMatch(
                selector ->
                    (selector.number() != null || selector.name() != null)
                        && (selector.number() == null || selector.number() == port.port())
                        && Selectors.matchesIfSet(selector.name(), port.name()));
  }

  public boolean selects(ServiceInput service) {
    return selectors.stream().anyMatch(selector -> matches(selector, service));
  }

  private static boolean matches(ServiceSelector selector, ServiceInput service) {
    return Selectors.matchesIfSet(selector.name(), service.id().name())
        && Selectors.matchesIfSet(selector.namespace(), service.id().namespace())
        && Selectors.matchesIfSet(selector.cluster(), service.id().cluster())
        && Selectors.containsAll(service.labels(), selector.labels());
  }
}
