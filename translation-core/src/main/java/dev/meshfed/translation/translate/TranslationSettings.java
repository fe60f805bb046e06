package dev.meshfed.translation.translate;

/**
 * Settings of the translation itself (not of any workspace).
 *
 * @param managementCluster the only cluster whose Workspaces are honoured
 * @param defaultHostSuffix the host suffix when WorkspaceSettings sets none
 * @param registrationRequired whether a cluster needs a KubernetesCluster in the management cluster
 *     to be part of the mesh (as in Gloo Mesh), so that deleting it removes the cluster; if not, a
 *     cluster joins by running its discovery-service
 */
public record TranslationSettings(
    String managementCluster, String defaultHostSuffix, boolean registrationRequired) {

  public static final TranslationSettings DEFAULTS = new TranslationSettings("mgmt", "global");

  public TranslationSettings(String managementCluster, String defaultHostSuffix) {
    this(managementCluster, defaultHostSuffix, false);
  }
}
