package dev.meshfed.discovery.io;

import dev.meshfed.discovery.sync.Backoff;
import dev.meshfed.discovery.sync.ClusterWatch;
import dev.meshfed.discovery.sync.DiscoveryService;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Builds a discovery-service for one cluster from real Kafka clients and a fabric8 client. */
public final class Discovery {

  private static final Logger LOG = Logger.getLogger(Discovery.class);

  private Discovery() {}

  /** With a client the caller keeps and closes. */
  public static DiscoveryService create(DiscoverySettings settings, KubernetesClient client) {
    return create(settings, KubernetesClusterWatch.sharing(client));
  }

  /** With a client of its own, built from the cluster's kubeconfig and closed with the service. */
  public static DiscoveryService create(
      DiscoverySettings settings, ClusterMode.KubeconfigCluster cluster) {
    KubernetesClient client = KubeconfigClients.open(cluster);
    LOG.infof(
        "Cluster %s: API server %s (kubeconfig %s, context %s)",
        cluster.name(),
        client.getMasterUrl(),
        cluster.kubeconfig(),
        cluster.context().orElse("current"));
    try {
      return create(settings.forCluster(cluster.name()), KubernetesClusterWatch.owning(client));
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private static DiscoveryService create(DiscoverySettings settings, ClusterWatch watch) {
    String cluster = Topics.checkCluster(settings.cluster());
    TopicSpec<DiscoveryKey, DiscoveredObject> topic = Topics.discovered(cluster);
    String clientId = "meshfed-discovery-" + cluster;
    Map<String, Object> servers = settings.kafka();
    return new DiscoveryService(
        topic.name(),
        new DiscoveryService.Options(
            settings.discoveryVersion(),
            UUID.randomUUID().toString(),
            settings.syncTimeout(),
            new Backoff(settings.retryInitialDelay(), settings.retryMaxDelay()),
            settings.namespaces()),
        new KafkaTopicProvisioner(
            KafkaProperties.admin(servers, clientId),
            Topics.clusterTopics(cluster),
            settings.topics(),
            settings.kafkaTimeout()),
        new KafkaTopicSnapshotReader(
            KafkaProperties.snapshotConsumer(servers, clientId), topic, settings.kafkaTimeout()),
        new KafkaRecordSink(KafkaProperties.producer(servers, clientId), topic),
        watch);
  }
}
