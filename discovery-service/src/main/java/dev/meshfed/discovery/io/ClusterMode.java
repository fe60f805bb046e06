package dev.meshfed.discovery.io;

import dev.meshfed.schema.kafka.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which clusters one discovery-service process serves, as its configuration says. */
public sealed interface ClusterMode {

  /** The names of the clusters served. */
  default List<String> names() {
    return this instanceof Multi multi
        ? multi.clusters().stream().map(KubeconfigCluster::name).toList()
        : List.of(((Single) this).cluster());
  }

  /** Production: one cluster, reached through the Quarkus Kubernetes client configuration. */
  record Single(String cluster) implements ClusterMode {}

  /** Bench and demo: several clusters, each with a kubeconfig of its own. */
  record Multi(List<KubeconfigCluster> clusters) implements ClusterMode {}

  /**
   * @param context the kubeconfig context; the file's current context when empty
   */
  record KubeconfigCluster(String name, Path kubeconfig, Optional<String> context) {}

  /** Validates the meshfed.cluster / meshfed.clusters settings; throws with what to fix. */
  static ClusterMode of(
      Optional<String> cluster, Map<String, DiscoveryConfig.ClusterConnection> clusters) {
    if (cluster.isPresent() && !clusters.isEmpty()) {
      throw new IllegalArgumentException(
          "Both meshfed.cluster and meshfed.clusters are set: set meshfed.cluster for one cluster"
              + " (production), or meshfed.clusters.<name>.kubeconfig for each of several"
              + " clusters, not both");
    }
    if (cluster.isPresent()) {
      return new Single(checkName(cluster.get(), "meshfed.cluster"));
    }
    if (clusters.isEmpty()) {
      throw new IllegalArgumentException(
          "No cluster configured: set meshfed.cluster=<name> for one cluster (production), or"
              + " meshfed.clusters.<name>.kubeconfig=<file> for each of several clusters");
    }
    return new Multi(
        clusters.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(entry -> kubeconfigCluster(entry.getKey(), entry.getValue()))
            .toList());
  }

  private static KubeconfigCluster kubeconfigCluster(
      String name, DiscoveryConfig.ClusterConnection connection) {
    return new KubeconfigCluster(
        checkName(name, "meshfed.clusters." + name),
        Path.of(connection.kubeconfig()),
        connection.context());
  }

  private static String checkName(String name, String property) {
    try {
      return Topics.checkCluster(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
    }
  }
}
