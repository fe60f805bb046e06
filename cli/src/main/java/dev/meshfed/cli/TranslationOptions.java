package dev.meshfed.cli;

import dev.meshfed.translation.translate.ClusterRegistration;
import dev.meshfed.translation.translate.TranslationSettings;
import picocli.CommandLine;
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
      names = "--cluster-registration",
      paramLabel = "MODE",
      defaultValue = "auto",
      converter = ClusterRegistrationConverter.class,
      description =
          "auto, required or optional, as translation-service's meshfed.cluster-registration"
              + " (default: ${DEFAULT-VALUE}: registered clusters only, once any is registered).")
  ClusterRegistration clusterRegistration;

  TranslationSettings settings() {
    return new TranslationSettings(managementCluster, defaultHostSuffix, clusterRegistration);
  }

  /** picocli's converter for {@link ClusterRegistration#parse}. */
  static final class ClusterRegistrationConverter
      implements CommandLine.ITypeConverter<ClusterRegistration> {
    @Override
    public ClusterRegistration convert(String value) {
      try {
        return ClusterRegistration.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
