package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.RouteTableInput;
import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The clients a RouteTable routes: per cluster, the namespaces of its workspace that one of its
 * workload selectors selects (by cluster, namespace and workspace), or all of them when it has
 * none. A selector naming another workspace selects nothing: routes never cross workspaces.
 */
final class RouteTableClients {

  private RouteTableClients() {}

  static SortedMap<String, SortedSet<String>> of(RouteTableInput rt, WorkspacePlan workspace) {
    SortedMap<String, SortedSet<String>> clients = new TreeMap<>();
    workspace
        .namespacesByCluster()
        .forEach(
            (cluster, namespaces) -> {
              SortedSet<String> selected = new TreeSet<>();
              namespaces.stream()
                  .filter(ns -> selected(rt, workspace.name(), cluster, ns))
                  .forEach(selected::add);
              if (!selected.isEmpty()) {
                clients.put(cluster, selected);
              }
            });
    return clients;
  }

  private static boolean selected(
      RouteTableInput rt, String workspace, String cluster, String namespace) {
    return rt.workloadSelectors().isEmpty()
        || rt.workloadSelectors().stream().anyMatch(s -> selects(s, workspace, cluster, namespace));
  }

  private static boolean selects(
      ObjectSelector selector, String workspace, String cluster, String namespace) {
    return Selectors.matchesIfSet(selector.cluster(), cluster)
        && Selectors.matchesIfSet(selector.namespace(), namespace)
        && Selectors.matchesIfSet(selector.workspace(), workspace);
  }
}
