package dev.meshfed.translation.translate;

/**
 * Settings of the translation itself (not of any workspace).
 *
 * @param managementCluster the only cluster whose Workspaces are honoured
 * @param defaultHostSuffix the host suffix when WorkspaceSettings sets none
 * @param clusterRegistration whether a cluster needs a KubernetesCluster in the management cluster
 *     to be part of the mesh
 */
public record TranslationSettings(
    String managementCluster, String defaultHostSuffix, ClusterRegistration clusterRegistration) {

  public static final TranslationSettings DEFAULTS = new TranslationSettings("mgmt", "global");

  public TranslationSettings(String managementCluster, String defaultHostSuffix) {
    this(managementCluster, defaultHostSuffix, ClusterRegistration.AUTO);
  }
}
