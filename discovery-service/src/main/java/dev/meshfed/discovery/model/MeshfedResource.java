package dev.meshfed.discovery.model;

/** The meshfed custom resources discovery reads (namespaced, group meshfed.dev). */
public enum MeshfedResource {
  WORKSPACE("Workspace", "workspaces"),
  WORKSPACE_SETTINGS("WorkspaceSettings", "workspacesettings"),
  KUBERNETES_CLUSTER("KubernetesCluster", "kubernetesclusters");

  public static final String GROUP = "meshfed.dev";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  private final String kind;
  private final String plural;

  MeshfedResource(String kind, String plural) {
    this.kind = kind;
    this.plural = plural;
  }

  public String kind() {
    return kind;
  }

  public String plural() {
    return plural;
  }
}
