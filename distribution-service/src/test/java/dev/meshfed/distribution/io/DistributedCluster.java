package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.DistributionLoop;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * A simulated cluster with its desired topic, written as translation would, its applied topic, read
 * back, and the distribution loops a test starts on it one after another.
 */
final class DistributedCluster implements AutoCloseable {

  private final TestBroker broker;
  private final SimulatedCluster cluster;
  private final DesiredTopicWriter translation;
  private final AppliedTopicReader applied;
  private DistributionLoop loop;

  DistributedCluster(TestBroker broker, SimulatedCluster cluster) throws Exception {
    this.broker = broker;
    this.cluster = cluster;
    DesiredTopicWriter.createTopic(broker.bootstrapServers(), cluster.name());
    this.translation = new DesiredTopicWriter(broker.bootstrapServers(), cluster.name());
    this.applied = new AppliedTopicReader(broker.bootstrapServers(), cluster.name());
  }

  DesiredTopicWriter translation() {
    return translation;
  }

  AppliedTopicReader applied() {
    return applied;
  }

  /**
   * Starts a loop whose client says it is meshfed-distribution; the latest is closed with the rest.
   */
  DistributionLoop startLoop() {
    loop = broker.startLoop(cluster.name(), clientWithUserAgent("meshfed-distribution"));
    return loop;
  }

  /** A client of the cluster that says who it is, and leaves retries to its caller. */
  KubernetesClient clientWithUserAgent(String userAgent) {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(cluster.client().getConfiguration())
                .withUserAgent(userAgent)
                .withRequestRetryBackoffLimit(0)
                .build())
        .build();
  }

  /** Closes the latest loop, the topics' clients and the cluster. */
  @Override
  public void close() {
    if (loop != null) {
      loop.close();
    }
    translation.close();
    applied.close();
    cluster.close();
  }
}
