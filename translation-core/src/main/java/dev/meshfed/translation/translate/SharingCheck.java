package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.WorkspaceSettingsInput.ResourceSelector;
import dev.meshfed.translation.model.WorkspaceSettingsInput.Sharing;
import dev.meshfed.translation.model.WorkspaceSettingsInput.WorkspaceSelector;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Warnings about importFrom and exportTo rules that cannot share what they seem to: a workspace
 * that does not exist, a rule that names none, an unknown resource kind, an import that the other
 * workspace does not export. Such a rule shares nothing; the rest of the settings apply.
 */
final class SharingCheck {

  private final SortedMap<String, WorkspacePlan> plans;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private SharingCheck(SortedMap<String, WorkspacePlan> plans) {
    this.plans = plans;
  }

  static List<Diagnostic> check(SortedMap<String, WorkspacePlan> plans) {
    SharingCheck check = new SharingCheck(plans);
    plans.values().forEach(check::checkWorkspace);
    return check.diagnostics;
  }

  private void checkWorkspace(WorkspacePlan plan) {
    plan.settings()
        .ifPresent(
            settings -> {
              checkRules(settings.id(), plan, "importFrom", plan.importFrom());
              checkRules(settings.id(), plan, "exportTo", plan.exportTo());
            });
  }

  private void checkRules(
      ObjectId settings, WorkspacePlan plan, String field, List<Sharing> rules) {
    for (int i = 0; i < rules.size(); i++) {
      String path = field + "[" + i + "]";
      Sharing rule = rules.get(i);
      if (rule.workspaces().stream().allMatch(s -> s.name() == null && s.selector() == null)) {
        warn(settings, path + " names no workspace (by name or selector), so it shares nothing");
      }
      for (WorkspaceSelector selector : rule.workspaces()) {
        checkNamed(settings, plan, field, path, selector);
      }
      for (int j = 0; j < rule.resources().size(); j++) {
        checkKind(settings, path + ".resources[" + j + "]", rule.resources().get(j));
      }
    }
  }

  private void checkNamed(
      ObjectId settings,
      WorkspacePlan plan,
      String field,
      String path,
      WorkspaceSelector selector) {
    String name = selector.name();
    if (name == null || name.equals(Selectors.ANY) || name.equals(plan.name())) {
      return;
    }
    WorkspacePlan other = plans.get(name);
    if (other == null) {
      warn(
          settings,
          path
              + " names workspace "
              + name
              + ", which does not exist (workspaces: "
              + String.join(", ", new TreeSet<>(plans.keySet()))
              + ")");
    } else if (field.equals("importFrom") && !exportsAnythingTo(other, plan)) {
      warn(
          settings,
          path
              + " imports from workspace "
              + name
              + ", which exports nothing to workspace "
              + plan.name()
              + ": nothing is imported until its settings export to it");
    }
  }

  private static boolean exportsAnythingTo(WorkspacePlan exporter, WorkspacePlan importer) {
    return exporter.exportTo().stream()
        .flatMap(rule -> rule.workspaces().stream())
        .anyMatch(selector -> ServiceSharing.selects(selector, importer.workspace()));
  }

  private void checkKind(ObjectId settings, String path, ResourceSelector resource) {
    if (!ServiceSharing.KINDS.contains(resource.kind())) {
      warn(
          settings,
          path
              + ".kind '"
              + resource.kind()
              + "' is not one of "
              + String.join(", ", new TreeSet<>(ServiceSharing.KINDS))
              + ", so it selects nothing");
    }
  }

  private void warn(ObjectId settings, String message) {
    diagnostics.add(new Diagnostic(settings, Severity.WARNING, message));
  }
}
