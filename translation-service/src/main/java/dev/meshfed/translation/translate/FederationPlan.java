package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput.ServiceSelector;
import java.util.List;

/** What a workspace's valid settings say about federation. */
public record FederationPlan(
    WorkspaceSettingsInput settings, String hostSuffix, List<ServiceSelector> selectors) {

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
