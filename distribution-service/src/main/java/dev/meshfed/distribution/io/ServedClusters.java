package dev.meshfed.distribution.io;

import dev.meshfed.schema.kafka.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which clusters a configuration asks this instance to serve: one mode or the other, never both.
 */
public final class ServedClusters {

  private ServedClusters() {}

  /**
   * @throws IllegalArgumentException if both or neither mode is configured, or a name is not a
   *     valid cluster name
   */
  public static List<ServedCluster> of(DistributionConfig config) {
    Optional<String> single = config.cluster();
    Map<String, DistributionConfig.ClusterAccess> multi = config.clusters();
    if (single.isPresent() && !multi.isEmpty()) {
      throw new IllegalArgumentException(
          "Both meshfed.cluster ("
              + single.get()
              + ") and meshfed.clusters ("
              + String.join(", ", new TreeMap<>(multi).keySet())
              + ") are set: set meshfed.cluster to serve one cluster through the Kubernetes client"
              + " configuration, or meshfed.clusters.<name>.kubeconfig for each cluster to serve"
              + " several, not both");
    }
    if (single.isPresent()) {
      return List.of(new ServedCluster(checked("meshfed.cluster", single.get()), Optional.empty()));
    }
    if (multi.isEmpty()) {
      throw new IllegalArgumentException(
          "No cluster to serve: set meshfed.cluster (one cluster, through the Kubernetes client"
              + " configuration) or meshfed.clusters.<name>.kubeconfig for each cluster");
    }
    return new TreeMap<>(multi)
        .entrySet().stream().map(entry -> served(entry.getKey(), entry.getValue())).toList();
  }

  private static ServedCluster served(String name, DistributionConfig.ClusterAccess access) {
    checked("meshfed.clusters." + name, name);
    return new ServedCluster(
        name,
        Optional.of(
            new ServedCluster.KubeconfigContext(Path.of(access.kubeconfig()), access.context())));
  }

  private static String checked(String property, String name) {
    try {
      return Topics.checkCluster(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
    }
  }
}
