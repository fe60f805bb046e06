package dev.meshfed.cli;

import dev.meshfed.translation.translate.TranslationSettings;
import picocli.CommandLine.Option;

/**
 * The translation's own settings, for commands that re-derive its output: they must be those the
 * translation-service runs with (its {@code meshfed.management-cluster}, {@code
 * meshfed.default-host-suffix} and {@code meshfed.cluster-registration}), and default to the same.
 */
final class TranslationOptions {

  @Option(
      names = "--management-cluster",
      paramLabel = "C",
      defaultValue = "mgmt",
      converter = Arguments.ClusterNameConverter.class,
      description =
          "The cluster whose Workspaces translation honours, as translation-service is configured"
              + " (default: ${DEFAULT-VALUE}).")
  String managementCluster;

  @Option(
      names = "--default-host-suffix",
      paramLabel = "SUFFIX",
      defaultValue = "global",
      description =
          "The host suffix when WorkspaceSettings set none, as translation-service is configured"
              + " (default: ${DEFAULT-VALUE}).")
  String defaultHostSuffix;

  @Option(
      names = "--registration-required",
      description =
          "Clusters need a KubernetesCluster in the management cluster, as translation-service's"
              + " meshfed.cluster-registration=required.")
  boolean registrationRequired;

  TranslationSettings settings() {
    return new TranslationSettings(managementCluster, defaultHostSuffix, registrationRequired);
  }
}
