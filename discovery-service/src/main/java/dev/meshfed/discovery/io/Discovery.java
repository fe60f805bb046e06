package dev.meshfed.discovery.io;

import dev.meshfed.discovery.sync.Backoff;
import dev.meshfed.discovery.sync.DiscoveryService;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.UUID;

/** Builds a discovery-service for one cluster from real Kafka clients and a fabric8 client. */
public final class Discovery {

  private Discovery() {}

  public static DiscoveryService create(DiscoverySettings settings, KubernetesClient client) {
    String cluster = Topics.checkCluster(settings.cluster());
    TopicSpec<DiscoveryKey, DiscoveredObject> topic = Topics.discovered(cluster);
    String clientId = "meshfed-discovery-" + cluster;
    String servers = settings.bootstrapServers();
    return new DiscoveryService(
        topic.name(),
        new DiscoveryService.Options(
            settings.discoveryVersion(),
            UUID.randomUUID().toString(),
            settings.syncTimeout(),
            new Backoff(settings.retryInitialDelay(), settings.retryMaxDelay())),
        new KafkaTopicProvisioner(
            KafkaProperties.admin(servers, clientId),
            Topics.clusterTopics(cluster),
            settings.replicationFactor(),
            settings.kafkaTimeout()),
        new KafkaTopicSnapshotReader(
            KafkaProperties.snapshotConsumer(servers, clientId), topic, settings.kafkaTimeout()),
        new KafkaRecordSink(KafkaProperties.producer(servers, clientId), topic),
        new KubernetesClusterWatch(client));
  }
}
