package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.WorkspaceInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput.ResourceSelector;
import dev.meshfed.translation.model.WorkspaceSettingsInput.Sharing;
import dev.meshfed.translation.model.WorkspaceSettingsInput.WorkspaceSelector;
import java.util.List;
import java.util.Set;

/**
 * Which other workspaces see a workspace's service, as in Gloo Mesh: its workspace must export it
 * to them, and they must import it from its workspace. Either alone shares nothing.
 */
final class ServiceSharing {

  /**
   * The resource kinds a rule may name; meshfed federates services, which ALL and SERVICE cover.
   */
  static final Set<String> KINDS =
      Set.of("ALL", "SERVICE", "VIRTUAL_DESTINATION", "EXTERNAL_SERVICE", "ROUTE_TABLE");

  private static final Set<String> SERVICE_KINDS = Set.of("ALL", "SERVICE");

  private ServiceSharing() {}

  /** The workspaces, other than its own, that import the service. */
  static List<WorkspacePlan> importers(
      ServiceInput service, WorkspacePlan owner, Membership membership) {
    return membership.workspaces().values().stream()
        .filter(other -> !other.name().equals(owner.name()))
        .filter(other -> allows(owner.exportTo(), other.workspace(), service))
        .filter(other -> allows(other.importFrom(), owner.workspace(), service))
        .toList();
  }

  /** Whether one of the rules shares the service with the workspace. */
  static boolean allows(List<Sharing> rules, WorkspaceInput workspace, ServiceInput service) {
    return rules.stream()
        .anyMatch(
            rule ->
                rule.workspaces().stream().anyMatch(selector -> selects(selector, workspace))
                    && (rule.resources().isEmpty()
                        || rule.resources().stream().anyMatch(r -> selects(r, service))));
  }

  /** Whether one of the rules names the workspace, whatever resources it limits sharing to. */
  static boolean names(List<Sharing> rules, WorkspaceInput workspace) {
    return rules.stream()
        .anyMatch(rule -> rule.workspaces().stream().anyMatch(s -> selects(s, workspace)));
  }

  /** A selector with neither a name nor a label selector selects no workspace. */
  static boolean selects(WorkspaceSelector selector, WorkspaceInput workspace) {
    if (selector.name() == null && selector.selector() == null) {
      return false;
    }
    return Selectors.matchesNameOrAny(selector.name(), workspace.id().name())
        && (selector.selector() == null
            || Selectors.containsAll(workspace.labels(), selector.selector()));
  }

  /**
   * Whether one of the rules shares an ExternalService with the workspace: a rule without
   * resources, or one of kind ALL or EXTERNAL_SERVICE that names it (meshfed does not read
   * ExternalServices' labels, so a resource selecting by labels names none).
   */
  static boolean allowsExternal(List<Sharing> rules, WorkspaceInput workspace, ObjectId es) {
    return rules.stream()
        .anyMatch(
            rule ->
                rule.workspaces().stream().anyMatch(selector -> selects(selector, workspace))
                    && (rule.resources().isEmpty()
                        || rule.resources().stream().anyMatch(r -> selectsExternal(r, es))));
  }

  private static boolean selectsExternal(ResourceSelector selector, ObjectId es) {
    return Set.of("ALL", "EXTERNAL_SERVICE").contains(selector.kind())
        && Selectors.matchesIfSet(selector.name(), es.name())
        && Selectors.matchesIfSet(selector.namespace(), es.namespace())
        && Selectors.matchesIfSet(selector.cluster(), es.cluster())
        && selector.labels().isEmpty();
  }

  private static boolean selects(ResourceSelector selector, ServiceInput service) {
    return SERVICE_KINDS.contains(selector.kind())
        && Selectors.matchesIfSet(selector.name(), service.id().name())
        && Selectors.matchesIfSet(selector.namespace(), service.id().namespace())
        && Selectors.matchesIfSet(selector.cluster(), service.id().cluster())
        && Selectors.containsAll(service.labels(), selector.labels());
  }
}
