package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.NamespaceSelector;
import dev.meshfed.schema.discovery.WorkloadClusterSelector;
import dev.meshfed.schema.discovery.WorkspaceState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workspace (meshfed.dev/v1alpha1, fields of Gloo Mesh 2.x; or Gloo's own admin.gloo.solo.io/v2) →
 * the kind given.
 */
public final class WorkspaceMapper {

  private WorkspaceMapper() {}

  public static Mapping map(GenericKubernetesResource workspace) {
    return map(DiscoveredKinds.WORKSPACE, workspace);
  }

  public static Mapping map(String kind, GenericKubernetesResource workspace) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(workspace.getAdditionalProperties().get("spec"), "spec");
    var state =
        new WorkspaceState(
            workloadClusters(reader, field(spec, "workloadClusters"), "spec.workloadClusters"),
            Envelope.labels(workspace));
    var write = new Write(Keys.of(kind, workspace), Envelope.wrap(workspace, state));
    return new Mapping(List.of(write), reader.problems());
  }

  private static List<WorkloadClusterSelector> workloadClusters(
      LenientReader reader, Object value, String path) {
    return reader.objects(value, path, (item, itemPath) -> workloadCluster(reader, item, itemPath));
  }

  /**
   * A cluster is chosen by name, by its registration's labels, or both; by neither, by none. An
   * entry whose name cannot be read is left out, not widened to every name.
   */
  private static Optional<WorkloadClusterSelector> workloadCluster(
      LenientReader reader, Map<?, ?> item, String path) {
    if (!item.containsKey("name") && !item.containsKey("selector")) {
      reader.problem(path + ": needs a name or a selector");
      return Optional.empty();
    }
    String name = reader.string(item.get("name"), path + ".name").orElse(null);
    if (name == null && item.containsKey("name")) {
      return Optional.empty();
    }
    Map<String, String> selector = reader.stringMap(item.get("selector"), path + ".selector");
    List<NamespaceSelector> namespaces =
        namespaces(reader, item.get("namespaces"), path + ".namespaces");
    return Optional.of(new WorkloadClusterSelector(name, namespaces, selector));
  }

  private static List<NamespaceSelector> namespaces(
      LenientReader reader, Object value, String path) {
    return reader.objects(value, path, (item, itemPath) -> namespace(reader, item, itemPath));
  }

  private static Optional<NamespaceSelector> namespace(
      LenientReader reader, Map<?, ?> item, String path) {
    if (!item.containsKey("name") && !item.containsKey("labels")) {
      reader.problem(path + ": needs a name or labels");
      return Optional.empty();
    }
    String name = reader.string(item.get("name"), path + ".name").orElse(null);
    if (name == null && item.containsKey("name")) {
      return Optional.empty();
    }
    return Optional.of(
        new NamespaceSelector(name, reader.stringMap(item.get("labels"), path + ".labels")));
  }
}
