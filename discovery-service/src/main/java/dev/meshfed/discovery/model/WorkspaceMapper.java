package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;
import static dev.meshfed.discovery.model.LenientReader.index;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.NamespaceSelector;
import dev.meshfed.schema.discovery.WorkloadClusterSelector;
import dev.meshfed.schema.discovery.WorkspaceState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Workspace (meshfed.dev/v1alpha1, fields of Gloo Mesh 2.x) → kind Workspace. */
public final class WorkspaceMapper {

  private WorkspaceMapper() {}

  public static Mapping map(GenericKubernetesResource workspace) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(workspace.getAdditionalProperties().get("spec"), "spec");
    var state =
        new WorkspaceState(
            workloadClusters(reader, field(spec, "workloadClusters"), "spec.workloadClusters"));
    var write =
        new Write(Keys.of(DiscoveredKinds.WORKSPACE, workspace), Envelope.wrap(workspace, state));
    return new Mapping(List.of(write), reader.problems());
  }

  private static List<WorkloadClusterSelector> workloadClusters(
      LenientReader reader, Object value, String path) {
    List<WorkloadClusterSelector> clusters = new ArrayList<>();
    List<?> items = reader.list(value, path);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = index(path, i);
      Optional<Map<?, ?>> item = reader.map(items.get(i), itemPath);
      Optional<String> name = requiredName(reader, item, itemPath);
      List<NamespaceSelector> namespaces =
          namespaces(reader, field(item, "namespaces"), itemPath + ".namespaces");
      name.ifPresent(n -> clusters.add(new WorkloadClusterSelector(n, namespaces)));
    }
    return clusters;
  }

  private static List<NamespaceSelector> namespaces(
      LenientReader reader, Object value, String path) {
    List<NamespaceSelector> namespaces = new ArrayList<>();
    List<?> items = reader.list(value, path);
    for (int i = 0; i < items.size(); i++) {
      String itemPath = index(path, i);
      requiredName(reader, reader.map(items.get(i), itemPath), itemPath)
          .ifPresent(name -> namespaces.add(new NamespaceSelector(name)));
    }
    return namespaces;
  }

  /** A selector without a name selects nothing we could name: it is left out, as a problem. */
  private static Optional<String> requiredName(
      LenientReader reader, Optional<Map<?, ?>> item, String path) {
    return item.flatMap(map -> reader.requiredString(map.get("name"), path + ".name"));
  }
}
