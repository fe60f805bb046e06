package dev.meshfed.translation.translate;

/**
 * Settings of the translation itself (not of any workspace).
 *
 * @param managementCluster the only cluster whose Workspaces are honoured
 * @param defaultHostSuffix the host suffix when WorkspaceSettings sets none
 */
public record TranslationSettings(String managementCluster, String defaultHostSuffix) {

  public static final TranslationSettings DEFAULTS = new TranslationSettings("mgmt", "global");
}
