package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.DistributionLoop;
import dev.meshfed.distribution.apply.RetrySettings;
import dev.meshfed.distribution.apply.StatusLoop;
import dev.meshfed.distribution.model.KindTable;
import dev.meshfed.distribution.model.PruneGuard;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Map;

/** Wires a cluster's distribution loop to Kafka and the cluster's API server. */
public final class DistributionFactory {

  private DistributionFactory() {}

  /**
   * @param kafkaConfig Kafka client configuration, at least {@code bootstrap.servers}
   */
  public static DistributionLoop create(
      String cluster,
      Map<String, Object> kafkaConfig,
      TopicSettings topics,
      KubernetesClient client,
      RetrySettings retry,
      PruneGuard pruneGuard) {
    TopicSpec<DesiredKey, DesiredObject> spec = Topics.desired(cluster);
    return new DistributionLoop(
        new KafkaDesiredTopic(kafkaConfig, cluster, topics),
        new KafkaDesiredRecordSource(kafkaConfig, spec),
        new KubernetesClusterWriter(client),
        new KubernetesManagedObjects(client),
        new KubernetesManagedObjectWatch(client, KindTable.DISTRIBUTED),
        new KafkaApplyReports(kafkaConfig, cluster),
        KindTable.DISTRIBUTED,
        retry,
        pruneGuard,
        new ApplyLatencyTimer(cluster));
  }

  /** Writes back the statuses of the inputs that live in the cluster. */
  public static StatusLoop statusLoop(
      String cluster,
      Map<String, Object> kafkaConfig,
      KubernetesClient client,
      RetrySettings retry) {
    return new StatusLoop(
        Topics.statusName(cluster),
        new KafkaStatusSource(kafkaConfig, Topics.status(cluster)),
        new KubernetesStatusWriter(client, Clock.systemUTC()),
        retry);
  }
}
