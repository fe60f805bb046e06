package dev.meshfed.discovery.io;

import dev.meshfed.discovery.sync.Backoff;
import dev.meshfed.discovery.sync.RestartingDiscovery;
import java.util.List;

/**
 * Several clusters served by one process (bench and demo): per cluster exactly what a
 * single-cluster process does (its own Kubernetes client, informers, topics, restart
 * reconciliation, Agent record and Kafka producer), each started and retried on its own.
 */
public final class MultiClusterDiscovery implements AutoCloseable {

  private final List<RestartingDiscovery> clusters;

  private MultiClusterDiscovery(List<RestartingDiscovery> clusters) {
    this.clusters = clusters;
  }

  /**
   * @param shared the settings of every cluster; their cluster name is ignored
   * @param startRetry delays between failed starts of one cluster
   */
  public static MultiClusterDiscovery create(
      DiscoverySettings shared, List<ClusterMode.KubeconfigCluster> clusters, Backoff startRetry) {
    return new MultiClusterDiscovery(
        clusters.stream()
            .map(
                cluster ->
                    new RestartingDiscovery(
                        cluster.name(), () -> Discovery.create(shared, cluster), startRetry))
            .toList());
  }

  /** Returns at once: every cluster starts in the background, independently. */
  public void start() {
    clusters.forEach(RestartingDiscovery::start);
  }

  public List<RestartingDiscovery> clusters() {
    return clusters;
  }

  @Override
  public void close() {
    clusters.forEach(RestartingDiscovery::close);
  }
}
