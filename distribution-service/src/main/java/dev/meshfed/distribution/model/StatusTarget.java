package dev.meshfed.distribution.model;

import java.util.List;
import java.util.Optional;

/**
 * An input whose status meshfed writes: a kind of its own API (meshfed.dev), in a namespace of this
 * cluster. Kubernetes' own kinds and Gloo Mesh's resources keep their status to their owners.
 */
public record StatusTarget(String kind, String namespace, String name) {

  private static final String GROUP = "meshfed.dev";
  private static final List<ResourceKind> KINDS =
      List.of(
          new ResourceKind(GROUP, "Workspace", "workspaces", List.of("v1alpha1")),
          new ResourceKind(GROUP, "WorkspaceSettings", "workspacesettings", List.of("v1alpha1")),
          new ResourceKind(GROUP, "KubernetesCluster", "kubernetesclusters", List.of("v1alpha1")));

  /** The REST type its status is written through, if meshfed writes it for that apiVersion. */
  public Optional<ResourceType> type(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String group = apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    return KINDS.stream()
        .filter(k -> k.group().equals(group) && k.kind().equals(kind))
        .findFirst()
        .map(k -> k.atVersion(version));
  }

  @Override
  public String toString() {
    return kind + " " + namespace + "/" + name;
  }
}
