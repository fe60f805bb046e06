package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput.ServiceSelector;
import java.util.List;
import java.util.Map;

/** What a workspace's valid settings say about federation. */
public record FederationPlan(
    WorkspaceSettingsInput settings, String hostSuffix, List<ServiceSelector> selectors) {

  public boolean selects(ServiceInput service) {
    return selectors.stream().anyMatch(selector -> matches(selector, service));
  }

  private static boolean matches(ServiceSelector selector, ServiceInput service) {
    return matchesIfSet(selector.name(), service.id().name())
        && matchesIfSet(selector.namespace(), service.id().namespace())
        && matchesIfSet(selector.cluster(), service.id().cluster())
        && containsAll(service.labels(), selector.labels());
  }

  private static boolean matchesIfSet(String wanted, String actual) {
    return wanted == null || wanted.isEmpty() || wanted.equals(actual);
  }

  private static boolean containsAll(Map<String, String> labels, Map<String, String> wanted) {
    return wanted.entrySet().stream()
        .allMatch(label -> label.getValue().equals(labels.get(label.getKey())));
  }
}
