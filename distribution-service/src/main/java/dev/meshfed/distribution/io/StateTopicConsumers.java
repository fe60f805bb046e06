package dev.meshfed.distribution.io;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Consumers of a state topic (desired, status): read from the beginning without a consumer group
 * (the compacted topic is the state, so there is no committed position to resume from), committed
 * transactions only, so that translation-service's half-written changes are never seen.
 */
final class StateTopicConsumers {

  private StateTopicConsumers() {}

  static KafkaConsumer<byte[], byte[]> create(Map<String, Object> kafkaConfig, String clientId) {
    Map<String, Object> config = new HashMap<>(kafkaConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.name().toLowerCase());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** Assigns every partition of the topic at its beginning; fails while the topic has none. */
  static List<TopicPartition> assignFromBeginning(
      KafkaConsumer<byte[], byte[]> consumer, String topic, Duration timeout) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, timeout).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .toList();
    if (partitions.isEmpty()) {
      throw new IllegalStateException("Topic " + topic + " has no partitions yet");
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return partitions;
  }
}
