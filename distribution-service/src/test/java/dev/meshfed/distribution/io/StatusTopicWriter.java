package dev.meshfed.distribution.io;

import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.schema.status.InputStatus;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** A cluster's status topic, created by the test, and written to as translation would. */
final class StatusTopicWriter implements AutoCloseable {

  private final TestBroker broker;
  private final TopicSpec<DiscoveryKey, InputStatus> topic;
  private final KafkaProducer<DiscoveryKey, InputStatus> producer;

  StatusTopicWriter(TestBroker broker, String cluster) throws Exception {
    this.broker = broker;
    this.topic = Topics.status(cluster);
    try (Admin admin = Admin.create(broker.kafka())) {
      admin.createTopics(List.of(topic.newTopic(TopicSettings.BROKER_DEFAULTS))).all().get();
    }
    this.producer =
        new KafkaProducer<>(
            broker.kafka(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  String name() {
    return topic.name();
  }

  void send(DiscoveryKey key, InputStatus status) throws Exception {
    producer.send(new ProducerRecord<>(topic.name(), key, status)).get();
  }

  void deleteTopic() throws Exception {
    try (Admin admin = Admin.create(broker.kafka())) {
      admin.deleteTopics(List.of(topic.name())).all().get();
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
