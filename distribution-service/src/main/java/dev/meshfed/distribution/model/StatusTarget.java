package dev.meshfed.distribution.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An input whose status meshfed writes: a Workspace, WorkspaceSettings or KubernetesCluster in a
 * namespace of this cluster, of meshfed's own API or of Gloo Mesh's ({@code
 * KIND.admin.gloo.solo.io}, as discovery names them). Kubernetes' own kinds keep their status.
 */
public record StatusTarget(String kind, String namespace, String name) {

  private static final String GROUP = "meshfed.dev";
  private static final String GLOO_GROUP = "admin.gloo.solo.io";
  private static final Map<String, String> PLURALS =
      Map.of(
          "Workspace", "workspaces",
          "WorkspaceSettings", "workspacesettings",
          "KubernetesCluster", "kubernetesclusters");

  /** The REST type its status is written through, if meshfed writes it for that apiVersion. */
  public Optional<ResourceType> type(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String group = apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    String plainKind =
        kind.endsWith("." + GLOO_GROUP) ? kind.substring(0, kind.indexOf('.')) : kind;
    boolean dialectMatches = kind.endsWith("." + GLOO_GROUP) == group.equals(GLOO_GROUP);
    if (!dialectMatches || !(group.equals(GROUP) || group.equals(GLOO_GROUP))) {
      return Optional.empty();
    }
    return Optional.ofNullable(PLURALS.get(plainKind))
        .map(plural -> new ResourceKind(group, plainKind, plural, List.of(version)))
        .map(k -> k.atVersion(version));
  }

  /**
   * Whether meshfed owns the type's whole status. Gloo Mesh's resources have a status of Gloo's:
   * meshfed writes only {@code status.meshfed} there.
   */
  public static boolean ownsWholeStatus(ResourceType type) {
    return type.kind().group().equals(GROUP);
  }

  @Override
  public String toString() {
    return kind + " " + namespace + "/" + name;
  }
}
