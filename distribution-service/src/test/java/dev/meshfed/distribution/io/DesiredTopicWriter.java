package dev.meshfed.distribution.io;

import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes a desired topic the way translation-service does: in transactions. */
final class DesiredTopicWriter implements AutoCloseable {

  private final TopicSpec<DesiredKey, DesiredObject> spec;
  private final KafkaProducer<DesiredKey, DesiredObject> producer;

  DesiredTopicWriter(String bootstrapServers, String cluster) {
    this.spec = Topics.desired(cluster);
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "test-translation-" + cluster),
            spec.keySerde().serializer(),
            spec.valueSerde().serializer());
    producer.initTransactions();
  }

  static void createTopic(String bootstrapServers, String cluster) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      admin
          .createTopics(List.of(Topics.desired(cluster).newTopic(TopicSettings.BROKER_DEFAULTS)))
          .all()
          .get();
    }
  }

  /** Commits the records in one transaction. */
  @SafeVarargs
  final void write(ProducerRecord<DesiredKey, DesiredObject>... records) {
    producer.beginTransaction();
    for (ProducerRecord<DesiredKey, DesiredObject> record : records) {
      producer.send(record);
    }
    producer.commitTransaction();
  }

  ProducerRecord<DesiredKey, DesiredObject> object(
      String apiVersion, String kind, String name, String manifest) {
    return new ProducerRecord<>(spec.name(), key(apiVersion, kind, name), desired(manifest));
  }

  ProducerRecord<DesiredKey, DesiredObject> tombstone(String apiVersion, String kind, String name) {
    return new ProducerRecord<>(spec.name(), key(apiVersion, kind, name), null);
  }

  private static DesiredKey key(String apiVersion, String kind, String name) {
    return new DesiredKey(apiVersion, kind, IstioObjects.NAMESPACE, name);
  }

  private static DesiredObject desired(String manifest) {
    return DesiredObject.newBuilder()
        .setManifest(manifest)
        .setWorkspace("payments")
        .setSources(List.of())
        .build();
  }

  @Override
  public void close() {
    producer.close();
  }
}
