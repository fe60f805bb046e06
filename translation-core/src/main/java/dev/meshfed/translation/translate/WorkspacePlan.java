package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.WorkspaceInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput.Sharing;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * A workspace as resolved: the namespaces it holds per cluster, the settings that govern it, and
 * its federation plan when those settings enable federation and are valid.
 */
public record WorkspacePlan(
    WorkspaceInput workspace,
    SortedMap<String, SortedSet<String>> namespacesByCluster,
    Optional<WorkspaceSettingsInput> settings,
    Optional<FederationPlan> federation) {

  public String name() {
    return workspace.id().name();
  }

  /** The workspaces and resources this one imports from: its settings' importFrom. */
  public List<Sharing> importFrom() {
    return settings.map(WorkspaceSettingsInput::importFrom).orElse(List.of());
  }

  /** The workspaces and resources this one exports to: its settings' exportTo. */
  public List<Sharing> exportTo() {
    return settings.map(WorkspaceSettingsInput::exportTo).orElse(List.of());
  }
}
